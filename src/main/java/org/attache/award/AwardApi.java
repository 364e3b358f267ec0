package org.attache.award;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.attache.api.Given;
import org.attache.api.Resolvers;
import org.attache.delegation.Delegation;
import org.attache.persistence.Batch;
import org.attache.person.Person;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class AwardApi {

    @Inject
    AwardService awards;

    @Inject
    Context context;

    @Query
    @Description("The award with this id, or null.")
    public Award award(@NonNull @Id @Description("The award's id.") String id) {
        return awards.find(id);
    }

    @Query
    @NonNull
    @Description("Awards matching the filter, most recent first. first defaults to 20, at most 100.")
    public AwardConnection awards(
            @Description("Narrows the list; every award when left out.") AwardFilter filter,
            @Description("How many awards to return, from 0 to 100; 20 when left out.") Integer first,
            @Description("Start after this cursor: an endCursor or edge cursor this list returned for the same filter;"
                    + " the first page when left out.") String after) {
        return awards.search(filter, first, after);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Records an award conferred on a person, optionally during a visit.")
    public Award conferAward(@NonNull @Description("The award to record.") AwardInput input) {
        return awards.confer(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Changes the fields the input gives and keeps the others. expectedVersion must be the version last read,"
            + " or the update is a CONFLICT.")
    public Award updateAward(
            @NonNull @Id @Description("The id of the award to change.") String id,
            @NonNull @Description("The fields to change; those left out keep their values.") AwardUpdateInput input,
            @Description("The award's version as last read.") int expectedVersion) {
        return awards.update(id, input, Given.in(context, "input"), expectedVersion);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Id
    @Description("Deletes an award recorded in error; returns the deleted id.")
    public String revokeAward(@NonNull @Id @Description("The id of the award to delete.") String id) {
        return awards.revoke(id);
    }

    @Subscription
    @Transactional(TxType.NOT_SUPPORTED) // a transaction would last as long as the subscription
    @Description("Awards as they are conferred, corrected and revoked, once committed.")
    public Multi<AwardEvent> awardConferred(
            @Description("Alpha-3 code: awards this country conferred or its people received.") String country) {
        return awards.changes(country);
    }

    @NonNull
    @Description("The person who received it.")
    public List<@NonNull Person> recipient(@Source List<Award> list) {
        return Batch.referenced(list, a -> a.recipient, Person.class);
    }

    @Description("The visit during which it was conferred, if any.")
    public List<Delegation> delegation(@Source List<Award> list) {
        return Batch.referenced(list, a -> a.delegation, Delegation.class);
    }

    @NonNull
    @Name("awards")
    @Description("Awards conferred during the visit.")
    public List<@NonNull List<@NonNull Award>> awardsOfVisits(@Source List<Delegation> visits) {
        return Batch.many(visits,
                "select a.delegation.id, a from Award a where a.delegation.id in :ids order by "
                        + Award.CONFERRED_ORDER.hql("a"),
                Award.class);
    }

    @NonNull
    @Description("Awards this person received, most recent first.")
    public List<@NonNull List<@NonNull Award>> awardsReceived(@Source List<Person> people) {
        return Batch.many(people, "select a.recipient.id, a from Award a where a.recipient.id in :ids and a.draft = false"
                + " order by " + Award.RECENT_FIRST.hql("a"),
                Award.class);
    }

    @Description("How many awards match the filter, across all pages. Counted only when selected.")
    public int totalCount(@Source AwardConnection connection) {
        return connection.totalCount();
    }
}
