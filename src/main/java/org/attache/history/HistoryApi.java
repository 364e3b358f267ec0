package org.attache.history;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Resolvers;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@Resolvers
@RolesAllowed(ChangeHistory.READER)
public class HistoryApi {

    @Inject
    ChangeHistory history;

    @Query
    @NonNull
    @Description("Every change made to one record through the API, oldest first: who, when, which operation, and the"
            + " record's state before and after. entity is Delegation, AgendaItem, Award, Person or Topic. Admins only.")
    public List<@NonNull Change> history(
            @NonNull @Description("The kind of record: Delegation, AgendaItem, Agreement, Award, Person or Topic.") String entity,
            @NonNull @Id @Description("The record's id (a topic's slug); a deleted record keeps its history.") String id) {
        return history.of(entity, id);
    }
}
