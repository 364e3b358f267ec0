package org.attache.node;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Node;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@RolesAllowed(Roles.VIEWER)
public class NodeApi {

    @Inject
    NodeService nodes;

    @Query
    @Description("The record with this nodeId, of any type, or null (Relay's node field).")
    public Node node(@NonNull @Id @Description("A record's nodeId.") String id) {
        return nodes.find(List.of(id), 1).get(0);
    }

    @Query
    @NonNull
    @Description("The records with these nodeIds, in the same order, null for one that names nothing; at most 100.")
    public List<Node> nodes(
            // Published as [ID!]! (EngineCustomizer): SmallRye 2.17 cannot build a list argument of @Id.
            @NonNull @Description("Records' nodeIds.") List<String> ids) {
        return nodes.find(ids, NodeService.MAX_IDS);
    }
}
