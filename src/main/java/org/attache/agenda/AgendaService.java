package org.attache.agenda;

import static org.attache.api.Inputs.list;
import static org.attache.api.Inputs.trimToNull;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.attache.api.ApiException;
import org.attache.api.Given;
import org.attache.api.Ids;
import org.attache.api.Inputs;
import org.attache.delegation.Delegation;
import org.attache.delegation.DelegationService;
import org.attache.history.ChangeHistory;
import org.attache.live.ChangeFeed;
import org.attache.live.ChangeKind;
import org.attache.persistence.Records;
import org.attache.person.Person;
import org.attache.person.PersonService;
import org.attache.topic.TopicService;

import io.smallrye.mutiny.Multi;

/** The rules of a visit's agenda: every item belongs to one visit and happens within its dates. */
@ApplicationScoped
public class AgendaService {

    @Inject
    ChangeHistory history;

    @Inject
    Validator validator;

    @Inject
    ChangeFeed feed;

    @Inject
    DelegationService delegations;

    @Inject
    PersonService persons;

    @Inject
    TopicService topics;

    public AgendaItem find(String id) {
        AgendaItem item = Records.find(AgendaItem.class, id);
        return item == null || !visible(item) ? null : item;
    }

    /** Whether the caller may see the item: as its visit. */
    public boolean visible(AgendaItem item) {
        return delegations.visible(item.delegation);
    }

    /**
     * Committed changes to one visit's agenda, each with the item as it is now, until the visit is deleted; NOT_FOUND
     * for an unknown visit.
     */
    public Multi<AgendaEvent> changes(String delegationId) {
        // An id that is no number names no visit: the check answers NOT_FOUND before any change is looked at.
        Long visit = Ids.tryParse(delegationId);
        return feed.subscribe("agenda_item", AgendaItem.class, () -> delegations.require(delegationId, "delegationId"),
                change -> change.concernsVisit(visit),
                change -> new AgendaEvent(change.kind(), String.valueOf(change.id()), change.current(AgendaItem.class)),
                // A deleted visit has no agenda left to change: the subscription completes after its items' deletions.
                new ChangeFeed.Ending("delegation", Delegation.class,
                        change -> change.kind() == ChangeKind.DELETED && visit != null && change.id() == visit));
    }

    private AgendaItem require(String id) {
        return Records.require(AgendaItem.class, id, "id", "agenda item");
    }

    @Transactional
    public AgendaItem add(String delegationId, @Valid AgendaItemInput input) {
        AgendaItem item = new AgendaItem();
        item.delegation = delegations.require(delegationId, "delegationId");
        apply(item, input);
        item.persist();
        history.created(item);
        return item;
    }

    @Transactional
    public AgendaItem update(String id, AgendaItemUpdateInput changes, Given given, int expectedVersion) {
        AgendaItem item = require(id);
        item.expectVersion(expectedVersion, "agenda item");
        AgendaItemInput current = new AgendaItemInput(item.kind, item.title, item.date, item.startTime, item.location,
                item.description, item.participants.stream().map(p -> String.valueOf(p.id)).toList(),
                item.topics.stream().map(t -> t.slug).toList(), List.copyOf(item.honours));
        AgendaItemInput input = Inputs.valid(validator, changes.over(current, given), given);
        return history.updated(item, current, input, () -> {
            apply(item, input);
            item.touch();
        });
    }

    @Transactional
    public String remove(String id) {
        history.deleted(require(id));
        return id;
    }

    private void apply(AgendaItem item, AgendaItemInput input) {
        Delegation visit = item.delegation;
        if (!visit.covers(input.date())) {
            throw ApiException.invalid("date", "date " + input.date() + " is outside the visit, which " + visit.span() + ".");
        }
        item.kind = input.kind();
        item.title = input.title().strip();
        item.date = input.date();
        item.startTime = input.startTime();
        item.location = trimToNull(input.location());
        item.description = trimToNull(input.description());
        List<String> participantIds = list(input.participantIds(), "participantIds");
        item.participants.clear();
        for (int i = 0; i < participantIds.size(); i++) {
            String field = "participantIds[" + i + "]";
            Person person = persons.referenced(participantIds.get(i), field);
            // As for a visit's members: a person listed twice is a mistake to point out, not to quietly merge.
            if (!item.participants.add(person)) {
                throw ApiException.invalid(field, "Person " + person.id + " (" + person.fullName + ") is listed more than once"
                        + " in participantIds.");
            }
        }
        item.topics.clear();
        item.topics.addAll(topics.requireAll(input.topics(), "topics"));
        item.honours.clear();
        item.honours.addAll(list(input.honours(), "honours"));
    }
}
