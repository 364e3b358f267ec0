package org.attache.pressrelease;

import static org.attache.api.Inputs.trimToNull;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.attache.agenda.AgendaItem;
import org.attache.agenda.AgendaItemKind;
import org.attache.agenda.Honour;
import org.attache.agreement.Agreement;
import org.attache.agreement.AgreementKind;
import org.attache.api.ApiException;
import org.attache.api.Cursor;
import org.attache.api.Inputs;
import org.attache.api.Paging;
import org.attache.award.Award;
import org.attache.award.AwardKind;
import org.attache.country.CountryService;
import org.attache.delegation.Delegation;
import org.attache.delegation.DelegationKind;
import org.attache.delegation.DelegationMember;
import org.attache.delegation.DelegationStatus;
import org.attache.delegation.VisitSource;
import org.attache.history.ChangeHistory;
import org.attache.persistence.KeysetQuery;
import org.attache.persistence.Records;
import org.attache.persistence.SortKey;
import org.attache.person.Person;
import org.attache.person.PersonService;
import org.attache.pressrelease.extraction.Extraction;
import org.attache.pressrelease.extraction.Extraction.PersonFact;
import org.attache.pressrelease.extraction.ReleaseExtractor;
import org.attache.topic.TopicService;

/**
 * Press releases in: a release's text becomes a draft (a visit with its agenda, awards, documents signed, linked
 * persons) that editors correct with the ordinary mutations, then publish or discard. One import per release: the same
 * URL or the same text returns the import made before.
 */
@ApplicationScoped
public class ImportService {

    /** Longest text accepted: releases run to a few thousand characters; this leaves room for long ones. */
    public static final int MAX_TEXT = 100_000;
    /** How far ahead of today a publication day may be (time zones, embargoed releases); beyond it is a typo. */
    static final int MAX_DAYS_AHEAD = 2;

    private final ReleaseExtractor extractor = new ReleaseExtractor();

    @Inject
    EntityManager em;

    @Inject
    ChangeHistory history;

    @Inject
    CountryService countries;

    @Inject
    PersonService persons;

    @Inject
    TopicService topics;

    public PressReleaseImport find(String id) {
        return Records.find(PressReleaseImport.class, id);
    }

    public PressReleaseImportConnection list(ImportStatus status, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        KeysetQuery<PressReleaseImport> query = KeysetQuery.of(PressReleaseImport.class, "press_release_import")
                .where("e.status = ?", status == null ? null : status.name());
        String cursorKind = Cursor.kind(PressReleaseImportConnection.CURSOR, status);
        return new PressReleaseImportConnection(query.orderBy(cursorKind, false, after, SortKey.ID).pageSize(pageSize).page());
    }

    @Transactional
    public PressReleaseImport importRelease(@Valid PressReleaseInput input) {
        String text = checkedText(input.text());
        if (input.publishedOn() != null && input.publishedOn().isAfter(LocalDate.now().plusDays(MAX_DAYS_AHEAD))) {
            throw ApiException.invalid("publishedOn", "publishedOn " + input.publishedOn()
                    + " is in the future: a release is imported once published.");
        }
        String url = trimToNull(input.sourceUrl());
        String hash = sha256(text);
        PressReleaseImport existing = previous(url, hash);
        if (isLive(existing)) {
            return existing;
        }
        // Extracting takes most of an import's time, so it runs before the locks: imports of different releases
        // (a bulk loader's concurrent batches) extract side by side.
        Extraction extraction = extractor.extract(text, input.publishedOn());
        // Two imports of the same release at once wait for each other here, and the second finds the first's.
        lock("press-release:" + (url != null ? url : hash));
        existing = previous(url, hash);
        if (isLive(existing)) {
            return existing;
        }
        PressReleaseImport release = existing != null ? existing : new PressReleaseImport();
        release.status = ImportStatus.DRAFT;
        release.text = text;
        release.textHash = hash;
        release.sourceUrl = url;
        release.outlet = trimToNull(input.outlet());
        release.publishedOn = input.publishedOn();
        release.title = trimToNull(input.title());
        draft(release, extraction);
        if (existing == null) {
            release.persist();
        } else {
            release.touch();
        }
        return release;
    }

    @Transactional
    public PressReleaseImport publish(String id, int expectedVersion) {
        PressReleaseImport release = Records.require(PressReleaseImport.class, id, "id", "press release import");
        release.expectVersion(expectedVersion, "press release import");
        if (release.status != ImportStatus.DRAFT) {
            throw ApiException.invalid("id", "This import is " + release.status + ": only a DRAFT is published.");
        }
        JsonObject drafted = read(release.drafted).asJsonObject();
        Delegation visit = release.delegation;
        if (visit != null) {
            if (visit.startDate == null) {
                throw ApiException.invalid("delegation.startDate", "The drafted visit has no startDate (the release gave none):"
                        + " set it with updateDelegation, then publish.");
            }
            long undated = em
                    .createQuery("select count(i) from AgendaItem i where i.delegation = :d and i.date is null", Long.class)
                    .setParameter("d", visit).getSingleResult();
            if (undated > 0) {
                throw ApiException.invalid("delegation.agenda", undated + " drafted agenda item(s) have no date: set them with"
                        + " updateAgendaItem, then publish.");
            }
            history.updated(visit, () -> {
                visit.status = visit.startDate.isAfter(LocalDate.now()) ? DelegationStatus.PLANNED : DelegationStatus.COMPLETED;
                visit.touch();
            });
        }
        for (Award award : draftsOf(Award.class, drafted, "awards", visit)) {
            if (award.conferredOn == null) {
                throw ApiException.invalid("awards", "The drafted award " + award.id + " (" + award.name + ") has no"
                        + " conferredOn: set it with updateAward, then publish.");
            }
            history.updated(award, () -> {
                award.draft = false;
                award.touch();
            });
        }
        for (Agreement agreement : draftsOf(Agreement.class, drafted, "agreements", visit)) {
            history.updated(agreement, () -> {
                agreement.draft = false;
                agreement.touch();
            });
        }
        release.status = ImportStatus.PUBLISHED;
        release.touch();
        return release;
    }

    /** Removes what the import drafted (and the persons it created that nothing else references); keeps the import. */
    @Transactional
    public String discard(String id) {
        PressReleaseImport release = Records.require(PressReleaseImport.class, id, "id", "press release import");
        if (release.status != ImportStatus.DRAFT) {
            throw ApiException.invalid("id", "This import is " + release.status + ": only a DRAFT is discarded (published"
                    + " records are deleted one by one, by an admin).");
        }
        JsonObject drafted = read(release.drafted).asJsonObject();
        // Each draft deleted with its history, also those an editor added to the visit (not left to the cascade).
        for (Award award : draftsOf(Award.class, drafted, "awards", release.delegation)) {
            if (award.draft) {
                history.deleted(award);
            }
        }
        for (Agreement agreement : draftsOf(Agreement.class, drafted, "agreements", release.delegation)) {
            if (agreement.draft) {
                history.deleted(agreement);
            }
        }
        if (release.delegation != null && release.delegation.status == DelegationStatus.DRAFT) {
            Delegation visit = release.delegation;
            release.delegation = null;
            history.deleted(visit);
        }
        em.flush();
        for (Person person : records(Person.class, drafted, "createdPersons")) {
            if (persons.references(person).isEmpty()) {
                history.deleted(person);
            }
        }
        release.status = ImportStatus.DISCARDED;
        release.touch();
        return id;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The import of this release (same sourceUrl, or the same text), or null. */
    private static PressReleaseImport previous(String url, String hash) {
        return PressReleaseImport.<PressReleaseImport> find(url == null ? "textHash = ?1" : "sourceUrl = ?2 or textHash = ?1",
                url == null ? new Object[] { hash } : new Object[] { hash, url }).firstResult();
    }

    /** Whether an earlier import of the release stands (not discarded): then it is the answer, marked as such. */
    private static boolean isLive(PressReleaseImport existing) {
        if (existing == null || existing.status == ImportStatus.DISCARDED) {
            return false;
        }
        existing.alreadyImported = true;
        return true;
    }

    /** A lock on the key until the transaction ends. */
    private void lock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))").setParameter("key", key).getSingleResult();
    }

    /** Writes the extraction as draft records and keeps on the import what links them to the text. */
    private void draft(PressReleaseImport release, Extraction extraction) {
        List<String> warnings = new ArrayList<>(extraction.warnings());
        List<Person> linked = new ArrayList<>();
        List<Boolean> matched = new ArrayList<>();
        JsonArrayBuilder created = Json.createArrayBuilder();
        // Imports naming the same country's people at once match and create them one after the other, so that two
        // of them never create the same person twice; taken in one order, the locks cannot deadlock.
        extraction.people().stream().map(PersonFact::country).filter(Objects::nonNull).distinct().sorted()
                .forEach(country -> lock("persons-of:" + country));
        for (PersonFact fact : extraction.people()) {
            Person person = null;
            boolean found = false;
            if (fact.country() == null) {
                warnings.add(fact.fullName() + " is named, but their country could not be decided: not recorded.");
            } else {
                person = persons.matching(fact.fullName(), fact.country());
                found = person != null;
                if (person == null) {
                    person = new Person();
                    person.fullName = clip(fact.fullName(), 200);
                    person.rank = clip(fact.rank(), 100);
                    person.title = clip(fact.title(), 60);
                    person.position = clip(fact.position(), 300);
                    person.country = countries.require(fact.country(), "text");
                    person.persist();
                    history.created(person);
                    created.add(person.id);
                }
            }
            linked.add(person);
            matched.add(found);
        }
        JsonArrayBuilder people = Json.createArrayBuilder();
        for (int i = 0; i < extraction.people().size(); i++) {
            PersonFact fact = extraction.people().get(i);
            if (linked.get(i) == null) {
                continue;
            }
            for (Extraction.Span span : fact.mentions()) {
                people.add(Json.createObjectBuilder().add("text", release.text.substring(span.start(), span.end()))
                        .add("start", codePoints(release.text, span.start())).add("end", codePoints(release.text, span.end()))
                        .add("personId", linked.get(i).id)
                        .add("matched", matched.get(i)));
            }
        }

        Delegation visit = extraction.visit() == null ? null : visit(release, extraction.visit(), linked, warnings);
        release.delegation = visit;
        JsonArrayBuilder awardIds = Json.createArrayBuilder();
        for (Extraction.AwardFact fact : extraction.awards()) {
            Person recipient = linked.get(fact.recipient());
            if (recipient == null) {
                warnings.add("An award to " + extraction.people().get(fact.recipient()).fullName() + " was not drafted: the"
                        + " recipient's country is unknown.");
                continue;
            }
            Award award = new Award();
            award.name = clip(fact.name(), 300);
            award.kind = AwardKind.valueOf(fact.kind());
            award.grade = clip(fact.grade(), 100);
            award.conferredByAuthority = clip(fact.authority(), 300);
            award.recipient = recipient;
            award.conferredBy = countries.require(fact.conferredBy(), "text");
            award.conferredOn = fact.conferredOn();
            award.delegation = fact.duringVisit() ? visit : null;
            if (visit != null && award.conferredOn != null && !visit.covers(award.conferredOn)) {
                award.delegation = null;
            }
            award.draft = true;
            award.persist();
            history.created(award);
            awardIds.add(award.id);
        }
        JsonArrayBuilder agreementIds = Json.createArrayBuilder();
        for (Extraction.AgreementFact fact : extraction.agreements()) {
            Agreement agreement = new Agreement();
            agreement.title = clip(fact.title(), 500);
            agreement.kind = AgreementKind.valueOf(fact.kind());
            agreement.signedOn = fact.signedOn();
            agreement.delegation = fact.duringVisit() ? visit : null;
            if (visit != null && agreement.signedOn != null && !visit.covers(agreement.signedOn)) {
                agreement.delegation = null;
            }
            fact.parties().forEach(code -> agreement.parties.add(countries.require(code, "text")));
            Set<Person> signatories = new LinkedHashSet<>();
            fact.signatories().stream().map(linked::get).filter(p -> p != null).forEach(signatories::add);
            agreement.signatories.addAll(signatories);
            agreement.draft = true;
            agreement.persist();
            history.created(agreement);
            agreementIds.add(agreement.id);
        }
        release.drafted = Json.createObjectBuilder().add("awards", awardIds).add("agreements", agreementIds)
                .add("createdPersons", created).build().toString();
        release.people = people.build().toString();
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        for (Extraction.Evidence e : extraction.evidence()) {
            evidence.add(Json.createObjectBuilder().add("field", e.field()).add("start", codePoints(release.text, e.start()))
                    .add("end", codePoints(release.text, e.end()))
                    .add("confidence", e.confidence()));
        }
        release.evidence = evidence.build().toString();
        JsonArrayBuilder warned = Json.createArrayBuilder();
        warnings.forEach(warned::add);
        release.warnings = warned.build().toString();
    }

    private Delegation visit(PressReleaseImport release, Extraction.Visit fact, List<Person> linked, List<String> warnings) {
        Delegation visit = new Delegation();
        visit.title = clip(fact.title(), 300);
        visit.kind = DelegationKind.valueOf(fact.kind());
        visit.status = DelegationStatus.DRAFT;
        visit.visitingCountry = countries.require(fact.visitingCountry(), "text");
        visit.hostCountry = countries.require(fact.hostCountry(), "text");
        fact.otherCountries().forEach(code -> visit.otherCountries.add(countries.require(code, "text")));
        visit.head = fact.head() == null ? null : linked.get(fact.head());
        visit.startDate = fact.startDate();
        visit.endDate = fact.endDate();
        visit.persist();
        Set<Long> seen = new java.util.HashSet<>();
        int ordinal = 0;
        for (Integer index : fact.members()) {
            ordinal = participant(visit, linked.get(index), DelegationMember.Side.MEMBER, ordinal, seen);
        }
        ordinal = 0;
        for (Integer index : fact.hosts()) {
            ordinal = participant(visit, linked.get(index), DelegationMember.Side.HOST, ordinal, seen);
        }
        VisitSource source = release.source();
        if (source != null) {
            source.delegation = visit;
            source.persist();
        }
        history.created(visit);
        for (Extraction.Item fact2 : fact.agenda()) {
            AgendaItem item = new AgendaItem();
            item.delegation = visit;
            item.kind = AgendaItemKind.valueOf(fact2.kind());
            item.title = clip(fact2.title(), 300);
            item.date = fact2.date();
            if (item.date != null && !visit.covers(item.date)) {
                warnings.add("An agenda item's date " + item.date + " is outside the visit's: left unset.");
                item.date = null;
            }
            item.location = clip(fact2.location(), 300);
            item.description = clip(fact2.description(), 10000);
            fact2.participants().stream().map(linked::get).filter(p -> p != null).forEach(item.participants::add);
            item.topics.addAll(topics.requireAll(List.copyOf(fact2.topics()), "text"));
            fact2.honours().forEach(h -> item.honours.add(Honour.valueOf(h)));
            item.persist();
            history.created(item);
        }
        return visit;
    }

    private static int participant(Delegation visit, Person person, DelegationMember.Side side, int ordinal, Set<Long> seen) {
        if (person == null || !seen.add(person.id)) {
            return ordinal;
        }
        DelegationMember member = new DelegationMember();
        member.delegation = visit;
        member.person = person;
        member.side = side;
        member.position = person.position;
        member.role = side == DelegationMember.Side.HOST ? "received the delegation" : null;
        member.ordinal = ordinal;
        member.persist();
        return ordinal + 1;
    }

    /**
     * The drafts an import publishes: those it drafted, and those an editor added to its visit since (an award
     * conferred during the drafted visit is a draft too, and must not stay one once the visit is published).
     */
    private <T> List<T> draftsOf(Class<T> type, JsonObject drafted, String key, Delegation visit) {
        List<T> found = records(type, drafted, key);
        if (visit != null) {
            em.createQuery("from " + type.getSimpleName() + " r where r.delegation = :visit and r.draft = true", type)
                    .setParameter("visit", visit).getResultStream().filter(r -> !found.contains(r)).forEach(found::add);
        }
        return found;
    }

    /** The records of one kind an import drafted that still exist. */
    private <T> List<T> records(Class<T> type, JsonObject drafted, String key) {
        List<T> found = new ArrayList<>();
        JsonArray ids = drafted.getJsonArray(key);
        if (ids != null) {
            for (JsonValue id : ids) {
                T record = em.find(type, Long.parseLong(id.toString()));
                if (record != null) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    /**
     * Offsets are counted in characters as people (and Python, and PostgreSQL) count them, code points, not in Java's
     * UTF-16 units: an emoji before a name must not shift every offset after it for a client.
     */
    private static int codePoints(String text, int utf16) {
        return text.codePointCount(0, utf16);
    }

    /** text[start..end) with offsets in code points. */
    static String quote(String text, int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    static JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /**
     * The text as stored: it must hold words, fit the limit, and be text rather than a binary file pasted or sent by
     * mistake (control characters other than line breaks and tabs).
     */
    static String checkedText(String text) {
        if (text == null || !Inputs.visible(text)) {
            throw ApiException.invalid("text", "text is empty: paste the release's text.");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.invalid("text", "text has " + text.length() + " characters; at most " + MAX_TEXT
                    + " are accepted (one release, not a collection).");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
                    || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                throw ApiException.invalid("text", "text holds binary or non-UTF-8 content at character " + i
                        + ": send the release as plain UTF-8 text.");
            }
        }
        return text.replace("\r\n", "\n").strip();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.codePointCount(0, stripped.length()) <= max ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, max - 1)) + "…";
    }
}
