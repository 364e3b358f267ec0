package org.attache.delegation;

import static org.attache.api.Inputs.list;
import static org.attache.api.Inputs.trimToNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.attache.api.ApiException;
import org.attache.api.Cursor;
import org.attache.api.ErrorCode;
import org.attache.api.Given;
import org.attache.api.Inputs;
import org.attache.api.Paging;
import org.attache.country.Country;
import org.attache.country.CountryService;
import org.attache.delegation.DelegationInput.DelegationMemberInput;
import org.attache.delegation.DelegationInput.SourceInput;
import org.attache.history.ChangeHistory;
import org.attache.live.ChangeFeed;
import org.attache.persistence.KeysetQuery;
import org.attache.persistence.Records;
import org.attache.persistence.SortKey;
import org.attache.persistence.Sql;
import org.attache.person.Person;
import org.attache.person.PersonService;
import org.attache.security.Actor;
import org.attache.topic.TopicService;

import io.quarkus.hibernate.orm.panache.Panache;
import io.smallrye.mutiny.Multi;

/** The rules of recording a visit: who visits whom, when, with whom, about what. */
@ApplicationScoped
public class DelegationService {

    @Inject
    ChangeHistory history;

    @Inject
    ChangeFeed feed;

    @Inject
    CountryService countries;

    @Inject
    PersonService persons;

    @Inject
    TopicService topics;

    @Inject
    Actor actor;

    @Inject
    Validator validator;

    public Delegation find(String id) {
        Delegation delegation = Records.find(Delegation.class, id);
        return delegation == null || !visible(delegation) ? null : delegation;
    }

    /** Whether the caller may see the visit: drafts are for editors until published. */
    public boolean visible(Delegation delegation) {
        return delegation.status != DelegationStatus.DRAFT || actor.seesDrafts();
    }

    public Delegation require(String id, String field) {
        return Records.require(Delegation.class, id, field, "delegation");
    }

    @Transactional
    public Delegation create(@Valid DelegationInput input) {
        Delegation delegation = new Delegation();
        apply(delegation, input);
        delegation.persist();
        replaceParticipantsAndSources(delegation, input, Given.ALL);
        history.created(delegation);
        return delegation;
    }

    /** Changes what the input gives and keeps the rest; the rules are checked on the visit as it will be. */
    @Transactional
    public Delegation update(String id, DelegationUpdateInput changes, Given given, int expectedVersion) {
        Delegation delegation = require(id, "id");
        delegation.expectVersion(expectedVersion, "delegation");
        DelegationInput current = asInput(delegation);
        DelegationInput input = Inputs.valid(validator, changes.over(current, given), given);
        return history.updated(delegation, current, input, () -> {
            boolean undated = delegation.startDate == null;
            apply(delegation, input);
            requireRecordsWithinVisit(delegation);
            delegation.touch();
            replaceParticipantsAndSources(delegation, input, given);
            if (undated && delegation.status == DelegationStatus.DRAFT) {
                dateUndatedDrafts(delegation);
            }
        });
    }

    /** Deletes the visit; the database cascades to its agenda, participants, sources and awards. */
    @Transactional
    public String delete(String id) {
        Delegation delegation = require(id, "id");
        history.deleted(delegation);
        return id;
    }

    /** Committed changes to visits (of one country, when the filter names one), each with the visit as it is now. */
    public Multi<DelegationEvent> changes(DelegationChangeFilter filter) {
        String country = filter == null ? null : filter.country();
        String code = country == null ? null : CountryService.normalized(country);
        Runnable known = country == null ? null : () -> countries.require(country, "filter.country");
        return feed.subscribe("delegation", Delegation.class, known, change -> change.concernsCountry(code),
                change -> new DelegationEvent(change.kind(), String.valueOf(change.id()), change.current(Delegation.class)));
    }

    public DelegationConnection search(DelegationFilter filter, DelegationOrder order, Integer first, String after) {
        return new DelegationConnection(plan(filter, order, first, after).page());
    }

    /**
     * A page of visits as SQL, not yet run: its filter, order and size checked, its countries and persons found, and
     * the kind its cursors carry (the order and the filter: a cursor continues only the list that made it).
     */
    public KeysetQuery<Delegation> plan(DelegationFilter filter, DelegationOrder order, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        DelegationFilter f = filter == null
                ? new DelegationFilter(null, null, null, null, null, null, null, null, null, null, null)
                : filter;
        String text = trimToNull(f.text());
        if (text != null && text.length() > Paging.MAX_SEARCH_TEXT) {
            throw ApiException.invalid("filter.text", "filter.text must be at most " + Paging.MAX_SEARCH_TEXT + " characters.");
        }
        String words = text == null ? null : searchWords(text);
        boolean drafts = f.status() == DelegationStatus.DRAFT;
        if (drafts && !actor.seesDrafts()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "filter.status", "Drafts are seen by editors only, until published.");
        }
        DelegationOrder sort = DelegationOrder.orDefault(order, words != null, drafts);
        if (drafts && (sort == DelegationOrder.START_DATE_ASC || sort == DelegationOrder.START_DATE_DESC)) {
            throw ApiException.invalid("orderBy", "Drafts may lack dates: order them by UPDATED_AT_DESC (the default for"
                    + " drafts) or RELEVANCE.");
        }
        if (sort == DelegationOrder.RELEVANCE && words == null) {
            throw ApiException.invalid("orderBy", "orderBy RELEVANCE ranks matches of filter.text; set filter.text to"
                    + " words to search for (blank text and words such as 'the' alone search for nothing).");
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.invalid("filter.to", "filter.to must not be before filter.from.");
        }
        String host = countries.knownCode(f.hostCountry(), "filter.hostCountry");
        String visiting = countries.knownCode(f.visitingCountry(), "filter.visitingCountry");
        String either = countries.knownCode(f.country(), "filter.country");
        String counterpart = countries.knownCode(f.counterpart(), "filter.counterpart");
        Person person = f.personId() == null ? null : persons.require(f.personId(), "filter.personId");
        String topic = f.topic() == null ? null : topics.require(f.topic(), "filter.topic").slug;

        KeysetQuery<Delegation> query = KeysetQuery.of(Delegation.class, "delegation")
                .where("e.search_document @@ cast(? as tsquery)", words)
                .where("e.host_country_code = ?", host)
                .where("e.visiting_country_code = ?", visiting)
                .where("(e.host_country_code = ? or e.visiting_country_code = ?)", either)
                .where("(e.host_country_code = ? or e.visiting_country_code = ?)", counterpart)
                .where("e.start_date >= ?", f.from())
                .where("e.start_date <= ?", f.to())
                .where("e.status = ?", f.status() == null ? null : f.status().name())
                .where("e.kind = ?", f.kind() == null ? null : f.kind().name())
                .where("(e.head_id = ? or exists (select 1 from delegation_participant m"
                        + " where m.delegation_id = e.id and m.person_id = ?))", person == null ? null : person.id)
                .where("(exists (select 1 from delegation_topic t where t.delegation_id = e.id and t.topic_slug = ?)"
                        + " or exists (select 1 from agenda_item i join agenda_item_topic it on it.agenda_item_id = i.id"
                        + " where i.delegation_id = e.id and it.topic_slug = ?))", topic);
        if (f.status() == null) {
            // Drafts appear only where asked for by status, never in the lists everyone reads.
            query.where("e.status <> 'DRAFT'");
        }
        SortKey sortKey = switch (sort) {
            case START_DATE_ASC, START_DATE_DESC -> SortKey.date("e.start_date");
            case UPDATED_AT_DESC -> SortKey.time("e.updated_at");
            case RELEVANCE -> SortKey.rank(Sql.of("ts_rank_cd(e.search_document, cast(? as tsquery))", words));
        };
        String cursorKind = Cursor.kind("delegation:" + sort, words, host, visiting, either, f.from(), f.to(), f.status(),
                f.kind(), person == null ? null : person.id, topic, counterpart);
        return query.orderBy(cursorKind, sort == DelegationOrder.START_DATE_ASC, after, sortKey, SortKey.ID)
                .pageSize(pageSize);
    }

    /**
     * filter.text as the search query the documents are matched with (attache_search_query: every word as a prefix,
     * folded like the documents); null when it holds no word to search for.
     */
    private static String searchWords(String text) {
        return (String) Panache.getEntityManager().createNativeQuery("select cast(attache_search_query(:text) as text)")
                .setParameter("text", text).getSingleResult();
    }

    private void apply(Delegation delegation, DelegationInput input) {
        delegation.title = input.title().strip();
        delegation.kind = input.kind();
        boolean draft = delegation.status == DelegationStatus.DRAFT;
        if (draft != (input.status() == DelegationStatus.DRAFT)) {
            throw ApiException.invalid("status", draft
                    ? "This visit is a draft: its status stays DRAFT until publishImport publishes it."
                    : "Only importPressRelease drafts visits; a recorded visit cannot become a draft.");
        }
        delegation.status = input.status();
        delegation.visitingCountry = countries.require(input.visitingCountry(), "visitingCountry");
        delegation.hostCountry = countries.require(input.hostCountry(), "hostCountry");
        if (delegation.visitingCountry.code.equals(delegation.hostCountry.code)) {
            throw ApiException.invalid("hostCountry",
                    "hostCountry must differ from visitingCountry: a delegation visits another country.");
        }
        if (input.endDate() != null && input.endDate().isBefore(input.startDate())) {
            throw ApiException.invalid("endDate",
                    "endDate (" + input.endDate() + ") must not be before startDate (" + input.startDate() + ").");
        }
        delegation.startDate = input.startDate();
        delegation.endDate = input.endDate();
        delegation.head = input.headId() == null ? null : persons.referenced(input.headId(), "headId");
        delegation.summary = trimToNull(input.summary());
        delegation.topics.clear();
        delegation.topics.addAll(topics.requireAll(input.topics(), "topics"));
        delegation.otherCountries.clear();
        List<String> others = list(input.otherCountries(), "otherCountries");
        for (int i = 0; i < others.size(); i++) {
            Country other = countries.require(others.get(i), "otherCountries[" + i + "]");
            if (other.code.equals(delegation.hostCountry.code) || other.code.equals(delegation.visitingCountry.code)
                    || delegation.otherCountries.contains(other)) {
                throw ApiException.invalid("otherCountries[" + i + "]",
                        other.code + " is already among the visit's countries.");
            }
            delegation.otherCountries.add(other);
        }
    }

    /**
     * A draft whose release gave no date gets one from its editor: its agenda items and awards, undated for the same
     * reason, happened on that first day as far as the release says, and take it (each can be corrected after).
     */
    private void dateUndatedDrafts(Delegation delegation) {
        var em = Panache.getEntityManager();
        em.flush();
        String changed = ", version = version + 1, updated_at = now(), updated_by = :actor";
        for (String sql : List.of(
                "update agenda_item set item_date = :day" + changed + " where delegation_id = :d and item_date is null",
                "update award set conferred_on = :day" + changed
                        + " where delegation_id = :d and conferred_on is null and draft",
                "update agreement set signed_on = :day" + changed
                        + " where delegation_id = :d and signed_on is null and draft")) {
            em.createNativeQuery(sql).setParameter("day", delegation.startDate).setParameter("d", delegation.id)
                    .setParameter("actor", actor.name()).executeUpdate();
        }
    }

    /**
     * New dates must still hold the visit's agenda and the awards conferred during it. An open end is left out of the
     * SQL rather than bound as null: PostgreSQL cannot type a parameter that is only compared with null.
     */
    private void requireRecordsWithinVisit(Delegation delegation) {
        outsideVisit(delegation, "agenda_item", "item_date", "agenda item(s)");
        outsideVisit(delegation, "award", "conferred_on", "award(s) conferred during it");
    }

    private void outsideVisit(Delegation delegation, String table, String dateColumn, String what) {
        String sql = "select count(*) filter (where " + dateColumn + " < :start), "
                + (delegation.endDate == null ? "0" : "count(*) filter (where " + dateColumn + " > :end)")
                + " from " + table + " where delegation_id = :d";
        // The new dates are bound from the entity: flushing it first would write (and version) it a second time.
        var query = Panache.getEntityManager().createNativeQuery(sql)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("d", delegation.id)
                .setParameter("start", delegation.startDate);
        if (delegation.endDate != null) {
            query.setParameter("end", delegation.endDate);
        }
        Object[] counts = (Object[]) query.getSingleResult();
        long before = ((Number) counts[0]).longValue();
        long after = ((Number) counts[1]).longValue();
        if (before + after > 0) {
            throw ApiException.invalid(before > 0 ? "startDate" : "endDate", (before + after) + " " + what
                    + " would fall outside the visit's new dates (it " + delegation.span() + "); move or remove them first.");
        }
    }

    /** The visit as an input that records it again: what an update starts from. */
    private DelegationInput asInput(Delegation d) {
        List<DelegationMember> participants = DelegationMember.list("delegation = ?1 order by ordinal", d);
        return new DelegationInput(d.title, d.kind, d.status, d.visitingCountry.code, d.hostCountry.code,
                d.head == null ? null : String.valueOf(d.head.id), asInputs(participants, DelegationMember.Side.MEMBER),
                asInputs(participants, DelegationMember.Side.HOST), d.startDate, d.endDate, d.summary,
                d.topics.stream().map(t -> t.slug).toList(),
                VisitSource.<VisitSource> list("delegation = ?1 order by ordinal", d).stream()
                        .map(s -> new SourceInput(s.outlet, s.url, s.title, s.publishedOn)).toList(),
                d.otherCountries.stream().map(c -> c.code).toList());
    }

    private static List<DelegationMemberInput> asInputs(List<DelegationMember> participants, DelegationMember.Side side) {
        return participants.stream().filter(m -> m.side == side)
                .map(m -> new DelegationMemberInput(String.valueOf(m.person.id), m.role, m.position)).toList();
    }

    /** Members and hosts are replaced together (one person is never on both sides); sources on their own. */
    private void replaceParticipantsAndSources(Delegation delegation, DelegationInput input, Given given) {
        if (given.has("members") || given.has("hosts")) {
            DelegationMember.delete("delegation", delegation);
            Set<Long> seen = new HashSet<>();
            addParticipants(delegation, DelegationMember.Side.MEMBER, list(input.members(), "members"), "members", seen);
            addParticipants(delegation, DelegationMember.Side.HOST, list(input.hosts(), "hosts"), "hosts", seen);
        }
        if (!given.has("sources")) {
            return;
        }
        VisitSource.delete("delegation", delegation);
        List<SourceInput> sources = list(input.sources(), "sources");
        for (int i = 0; i < sources.size(); i++) {
            SourceInput in = sources.get(i);
            VisitSource source = new VisitSource();
            source.delegation = delegation;
            source.outlet = in.outlet().strip();
            source.url = trimToNull(in.url());
            source.title = trimToNull(in.title());
            source.publishedOn = in.publishedOn();
            source.ordinal = i;
            source.persist();
        }
    }

    private void addParticipants(Delegation delegation, DelegationMember.Side side, List<DelegationMemberInput> inputs,
            String field, Set<Long> seen) {
        for (int i = 0; i < inputs.size(); i++) {
            DelegationMemberInput in = inputs.get(i);
            String personField = field + "[" + i + "].personId";
            Person person = persons.referenced(in.personId(), personField);
            if (!seen.add(person.id)) {
                throw ApiException.invalid(personField, "Person " + person.id + " (" + person.fullName
                        + ") is listed more than once among members and hosts.");
            }
            DelegationMember member = new DelegationMember();
            member.delegation = delegation;
            member.person = person;
            member.side = side;
            member.role = trimToNull(in.role());
            String position = trimToNull(in.position());
            member.position = position != null ? position : person.position;
            member.ordinal = i;
            member.persist();
        }
    }
}
