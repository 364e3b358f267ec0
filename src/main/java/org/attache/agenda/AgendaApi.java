package org.attache.agenda;

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
public class AgendaApi {

    @Inject
    AgendaService agenda;

    @Inject
    Context context;

    @Query
    @Description("The agenda item with this id, or null.")
    public AgendaItem agendaItem(@NonNull @Id @Description("The agenda item's id.") String id) {
        return agenda.find(id);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Adds an event to a visit's agenda; its date must fall within the visit.")
    public AgendaItem addAgendaItem(
            @NonNull @Id @Description("The id of the visit to add the item to.") String delegationId,
            @NonNull @Description("The agenda item to add.") AgendaItemInput input) {
        return agenda.add(delegationId, input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Changes the fields the input gives and keeps the others. expectedVersion must be the version last read,"
            + " or the update is a CONFLICT.")
    public AgendaItem updateAgendaItem(
            @NonNull @Id @Description("The id of the agenda item to change.") String id,
            @NonNull @Description("The fields to change; those left out keep their values.") AgendaItemUpdateInput input,
            @Description("The agenda item's version as last read.") int expectedVersion) {
        return agenda.update(id, input, Given.in(context, "input"), expectedVersion);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Id
    @Description("Removes an agenda item; returns the removed id.")
    public String removeAgendaItem(@NonNull @Id @Description("The id of the agenda item to remove.") String id) {
        return agenda.remove(id);
    }

    @Subscription
    @Transactional(TxType.NOT_SUPPORTED) // a transaction would last as long as the subscription
    @Description("One visit's agenda as items are added, updated and removed, once committed.")
    public Multi<AgendaEvent> agendaChanged(
            @NonNull @Id @Description("The id of the visit whose agenda to follow; the subscription ends when the"
                    + " visit is deleted.") String delegationId) {
        return agenda.changes(delegationId);
    }

    @NonNull
    @Description("The visit's agenda in date and time order (items without a time after the timed ones of their day).")
    public List<@NonNull List<@NonNull AgendaItem>> agenda(@Source List<Delegation> visits) {
        return Batch.many(visits, "select i.delegation.id, i from AgendaItem i where i.delegation.id in :ids"
                + " order by " + AgendaItem.ORDER.hql("i"), AgendaItem.class);
    }

    @NonNull
    @Description("The visit this item belongs to.")
    public List<@NonNull Delegation> delegation(@Source List<AgendaItem> items) {
        return Batch.referenced(items, i -> i.delegation, Delegation.class);
    }

    @NonNull
    @Description("The persons who took part, by name.")
    public List<@NonNull List<@NonNull Person>> participants(@Source List<AgendaItem> items) {
        return Batch.many(items,
                "select i.id, p from AgendaItem i join i.participants p where i.id in :ids order by " + Person.BY_NAME.hql("p"),
                Person.class);
    }

    @NonNull
    @Description("Cooperation topics discussed.")
    public List<@NonNull List<@NonNull Topic>> topics(@Source List<AgendaItem> items) {
        return Batch.many(items,
                "select i.id, t from AgendaItem i join i.topics t where i.id in :ids order by " + Topic.ORDER.hql("t"),
                Topic.class);
    }

    @NonNull
    @Description("Protocol honours observed.")
    public List<@NonNull List<@NonNull Honour>> honours(@Source List<AgendaItem> items) {
        return Batch.many(items, "select i.id, h from AgendaItem i join i.honours h where i.id in :ids order by h",
                Honour.class);
    }
}
