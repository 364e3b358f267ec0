package org.attache.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.attache.api.ApiException;
import org.attache.api.Node;
import org.attache.api.NodeIds;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A record clients edit: a numeric id, an optimistic-locking version, and who created and changed it when. */
@MappedSuperclass
public abstract class VersionedEntity extends AuditedEntity {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("The record's id, unique among records of its type.")
    public Long id;

    @Version
    @Description("Increases with every change; send it back as expectedVersion when updating.")
    public int version;

    /** Its node id (org.attache.api.Node): the GraphQL type is the class's name for every versioned record. */
    @Id
    @NonNull
    @Description(Node.NODE_ID)
    public String getNodeId() {
        return NodeIds.encode(getClass().getSimpleName(), String.valueOf(id));
    }

    /** Optimistic locking as clients see it: an update names the version it was based on. */
    public void expectVersion(int expected, String what) {
        if (version != expected) {
            throw ApiException.conflict("The " + what + " was changed by someone else: you sent version " + expected
                    + " but it is at version " + version + ". Reload it and apply your change again.");
        }
    }
}
