package org.attache.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Relay's Global Object Identification: every record type has a nodeId that names it among all records (its type and
 * key, in NodeIds' format), which node(id:) and nodes(ids:) resolve. A record's id stays its key within its type.
 */
@Interface("Node")
@Description("A record that node(id:) finds again by its nodeId, whatever its type (Relay's Global Object Identification).")
public interface Node {

    /** The field's description, which every implementation repeats (the schema describes each type's field). */
    String NODE_ID = "Names this record among all records, of any type: pass it to node(id:) or nodes(ids:). Opaque;"
            + " the record's id stays its key within its type.";

    @Id
    @NonNull
    @Description(NODE_ID)
    String getNodeId();
}
