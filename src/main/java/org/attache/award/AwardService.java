package org.attache.award;

import static org.attache.api.Inputs.trimToNull;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.attache.api.ApiException;
import org.attache.api.Cursor;
import org.attache.api.Given;
import org.attache.api.Inputs;
import org.attache.api.Paging;
import org.attache.country.CountryService;
import org.attache.delegation.Delegation;
import org.attache.delegation.DelegationService;
import org.attache.delegation.DelegationStatus;
import org.attache.history.ChangeHistory;
import org.attache.live.ChangeFeed;
import org.attache.persistence.KeysetQuery;
import org.attache.persistence.Records;
import org.attache.persistence.SortKey;
import org.attache.person.Person;
import org.attache.person.PersonService;
import org.attache.security.Actor;

import io.smallrye.mutiny.Multi;

/** The rules of conferring awards: a known recipient, a known country and, during a visit, a date within it. */
@ApplicationScoped
public class AwardService {

    @Inject
    ChangeHistory history;

    @Inject
    Validator validator;

    @Inject
    PersonService persons;

    @Inject
    CountryService countries;

    @Inject
    DelegationService delegations;

    @Inject
    ChangeFeed feed;

    @Inject
    Actor actor;

    public Award find(String id) {
        Award award = Records.find(Award.class, id);
        return award == null || !visible(award) ? null : award;
    }

    /** Whether the caller may see the award: a drafted one is for editors until published. */
    public boolean visible(Award award) {
        return !award.draft || actor.seesDrafts();
    }

    /**
     * Committed changes to awards (conferred by the country or on one of its people, when one is named), each with the
     * award as it is now.
     */
    public Multi<AwardEvent> changes(String country) {
        String code = country == null ? null : CountryService.normalized(country);
        Runnable known = country == null ? null : () -> countries.require(country, "country");
        return feed.subscribe("award", Award.class, known, change -> change.concernsCountry(code),
                change -> new AwardEvent(change.kind(), String.valueOf(change.id()), change.current(Award.class)));
    }

    private Award require(String id) {
        return Records.require(Award.class, id, "id", "award");
    }

    @Transactional
    public Award confer(@Valid AwardInput input) {
        Award award = new Award();
        apply(award, input);
        award.persist();
        history.created(award);
        return award;
    }

    @Transactional
    public Award update(String id, AwardUpdateInput changes, Given given, int expectedVersion) {
        Award award = require(id);
        award.expectVersion(expectedVersion, "award");
        AwardInput current = new AwardInput(award.name, award.kind, String.valueOf(award.recipient.id),
                award.conferredBy.code, award.conferredOn,
                award.delegation == null ? null : String.valueOf(award.delegation.id),
                award.citation, award.grade, award.conferredByAuthority);
        AwardInput input = Inputs.valid(validator, changes.over(current, given), given);
        return history.updated(award, current, input, () -> {
            apply(award, input);
            award.touch();
        });
    }

    @Transactional
    public String revoke(String id) {
        history.deleted(require(id));
        return id;
    }

    public AwardConnection search(AwardFilter filter, Integer first, String after) {
        return new AwardConnection(plan(filter, first, after).page());
    }

    /** A page of awards as SQL, not yet run: its filter and size checked, its records found. */
    public KeysetQuery<Award> plan(AwardFilter filter, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        AwardFilter f = filter == null ? new AwardFilter(null, null, null, null, null) : filter;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.invalid("filter.to", "filter.to must not be before filter.from.");
        }
        Person recipient = f.recipientId() == null ? null : persons.require(f.recipientId(), "filter.recipientId");
        String country = countries.knownCode(f.conferredBy(), "filter.conferredBy");
        Delegation visit = f.delegationId() == null ? null : delegations.require(f.delegationId(), "filter.delegationId");
        KeysetQuery<Award> query = KeysetQuery.of(Award.class, "award")
                .where("not e.draft")
                .where("e.recipient_id = ?", recipient == null ? null : recipient.id)
                .where("e.conferred_by_code = ?", country)
                .where("e.delegation_id = ?", visit == null ? null : visit.id)
                .where("e.conferred_on >= ?", f.from())
                .where("e.conferred_on <= ?", f.to());
        String cursorKind = Cursor.kind(AwardConnection.CURSOR, recipient == null ? null : recipient.id,
                country, visit == null ? null : visit.id, f.from(), f.to());
        return query.orderBy(cursorKind, false, after, SortKey.date("e.conferred_on"), SortKey.ID).pageSize(pageSize);
    }

    private void apply(Award award, AwardInput input) {
        award.name = input.name().strip();
        award.kind = input.kind();
        award.recipient = persons.referenced(input.recipientId(), "recipientId");
        award.conferredBy = countries.require(input.conferredBy(), "conferredBy");
        award.conferredOn = input.conferredOn();
        award.delegation = null;
        award.grade = trimToNull(input.grade());
        award.conferredByAuthority = trimToNull(input.conferredByAuthority());
        if (input.delegationId() != null) {
            Delegation visit = Records.referenced(Delegation.class, input.delegationId(), "delegationId", "delegation");
            // An award conferred during a drafted visit is part of the draft, and is published with it.
            boolean draftVisit = visit.status == DelegationStatus.DRAFT;
            if (award.id != null && award.draft != draftVisit) {
                throw ApiException.invalid("delegationId", "An award and the visit it was conferred during are published"
                        + " together: a " + (award.draft ? "drafted" : "published") + " award cannot move to a "
                        + (draftVisit ? "drafted" : "published") + " visit.");
            }
            award.draft = draftVisit;
            if (!visit.covers(input.conferredOn())) {
                throw ApiException.invalid("conferredOn", "conferredOn " + input.conferredOn()
                        + " is outside the visit it was conferred during, which " + visit.span() + ".");
            }
            award.delegation = visit;
        }
        award.citation = trimToNull(input.citation());
    }
}
