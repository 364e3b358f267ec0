package org.attache.delegation;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.attache.api.Given;
import org.attache.api.Resolvers;
import org.attache.country.Country;
import org.attache.persistence.Batch;
import org.attache.person.Person;
import org.attache.security.Roles;
import org.attache.topic.Topic;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class DelegationApi {

    @Inject
    DelegationService delegations;

    @Inject
    Context context;

    @Query
    @Description("The visit with this id, or null.")
    public Delegation delegation(@NonNull @Id @Description("The visit's id.") String id) {
        return delegations.find(id);
    }

    @Query
    @NonNull
    @Description("Visits matching the filter: the best matches first when filter.text is set, otherwise the most recent"
            + " first, unless orderBy says otherwise. first defaults to 20, at most 100.")
    public DelegationConnection delegations(
            @Description("Narrows the list; every visit but the drafts when left out.") DelegationFilter filter,
            @Description("The order; when left out, RELEVANCE with filter.text, UPDATED_AT_DESC for drafts, otherwise"
                    + " START_DATE_DESC.") DelegationOrder orderBy,
            @Description("How many visits to return, from 0 to 100; 20 when left out.") Integer first,
            @Description("Start after this cursor: an endCursor or edge cursor this list returned for the same"
                    + " filter and orderBy; the first page when left out.") String after) {
        return delegations.search(filter, orderBy, first, after);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Records a visit with its members, host officials, topics and sources.")
    public Delegation createDelegation(@NonNull @Description("The visit to record.") DelegationInput input) {
        return delegations.create(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Changes the fields and lists the input gives and keeps the others. expectedVersion must be the version"
            + " last read, or the update is a CONFLICT.")
    public Delegation updateDelegation(
            @NonNull @Id @Description("The id of the visit to change.") String id,
            @NonNull @Description("The fields and lists to change; those left out keep their values.") DelegationUpdateInput input,
            @Description("The visit's version as last read.") int expectedVersion) {
        return delegations.update(id, input, Given.in(context, "input"), expectedVersion);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Id
    @Description("Deletes a visit together with its agenda and awards; returns the deleted id.")
    public String deleteDelegation(@NonNull @Id @Description("The id of the visit to delete.") String id) {
        return delegations.delete(id);
    }

    @Subscription
    @Transactional(TxType.NOT_SUPPORTED) // a transaction would last as long as the subscription
    @Description("Visits as they are created, updated and deleted, anywhere (every replica, any writer), once committed.")
    public Multi<DelegationEvent> delegationChanged(
            @Description("Which visits to hear about; all of them when left out.") DelegationChangeFilter filter) {
        return delegations.changes(filter);
    }

    @Description("The person who led the delegation, if known.")
    public List<Person> head(@Source List<Delegation> visits) {
        return Batch.referenced(visits, d -> d.head, Person.class);
    }

    @NonNull
    @Description("The visiting delegation, in the order recorded.")
    public List<@NonNull List<@NonNull DelegationMember>> members(@Source List<Delegation> visits) {
        return participants(visits, DelegationMember.Side.MEMBER);
    }

    @NonNull
    @Description("The host officials who received the delegation, in the order recorded.")
    public List<@NonNull List<@NonNull DelegationMember>> hosts(@Source List<Delegation> visits) {
        return participants(visits, DelegationMember.Side.HOST);
    }

    @NonNull
    @Description("Cooperation topics discussed during the visit.")
    public List<@NonNull List<@NonNull Topic>> topics(@Source List<Delegation> visits) {
        return Batch.many(visits,
                "select d.id, t from Delegation d join d.topics t where d.id in :ids order by " + Topic.ORDER.hql("t"),
                Topic.class);
    }

    @NonNull
    @Description("At a multilateral event, the countries present besides the visiting and the host country.")
    public List<@NonNull List<@NonNull Country>> otherCountries(@Source List<Delegation> visits) {
        return Batch.many(visits,
                "select d.id, c from Delegation d join d.otherCountries c where d.id in :ids order by index(c)",
                Country.class);
    }

    @NonNull
    @Description("Where the visit was published.")
    public List<@NonNull List<@NonNull VisitSource>> sources(@Source List<Delegation> visits) {
        return Batch.many(visits,
                "select s.delegation.id, s from VisitSource s where s.delegation.id in :ids order by "
                        + VisitSource.ORDER.hql("s"),
                VisitSource.class);
    }

    @NonNull
    @Description("The visits this person led, most recent first.")
    public List<@NonNull List<@NonNull Delegation>> delegationsLed(@Source List<Person> people) {
        return Batch.many(people, "select d.head.id, d from Delegation d where d.head.id in :ids"
                + " and d.status <> org.attache.delegation.DelegationStatus.DRAFT order by " + Delegation.LATEST_FIRST.hql("d"),
                Delegation.class);
    }

    private static List<List<DelegationMember>> participants(List<Delegation> visits, DelegationMember.Side side) {
        return Batch.many(visits, "select m.delegation.id, m from DelegationMember m join fetch m.person"
                + " where m.delegation.id in :ids and m.side = :side order by " + DelegationMember.ORDER.hql("m"),
                DelegationMember.class,
                Map.of("side", side));
    }

    @Description("How many visits match the filter, across all pages. Counted only when selected.")
    public int totalCount(@Source DelegationConnection connection) {
        return connection.totalCount();
    }
}
