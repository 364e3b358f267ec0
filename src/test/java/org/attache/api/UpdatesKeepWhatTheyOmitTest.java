package org.attache.api;

import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.attache.Fixtures;
import org.attache.InputTypes;
import org.attache.agenda.AgendaItemInput;
import org.attache.agenda.AgendaItemUpdateInput;
import org.attache.agreement.AgreementInput;
import org.attache.agreement.AgreementUpdateInput;
import org.attache.award.AwardInput;
import org.attache.award.AwardUpdateInput;
import org.attache.delegation.DelegationInput;
import org.attache.delegation.DelegationUpdateInput;
import org.attache.person.PersonInput;
import org.attache.person.PersonUpdateInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every update mutation, every field of its input: left out, the field keeps its value; null clears it, or is refused
 * with VALIDATION (changing nothing) where the create input requires it; a value given (a list given) replaces it. In
 * each case every other field reads as before. The cases cover each input's fields exactly, so a field added to an
 * update input without a case here fails the test.
 */
@QuarkusTest
class UpdatesKeepWhatTheyOmitTest {

    /** A field of an update input: a new value for it, and where and how the record reads it back. */
    record Field(String name, Object value, String key, String read, Object expected) {

        Field(String name, Object value) {
            this(name, value, name, name, value);
        }
    }

    /** One update mutation: how to make a record with every field set, how to read it, and its fields' cases. */
    record Subject(String mutation, String query, Class<? extends Record> create, Class<? extends Record> update,
            String selection, Supplier<String> record, List<Field> fields) {
    }

    private String kazakh;
    private String azeri;
    private String another;
    private String visit;

    @BeforeEach
    void people() {
        kazakh = Fixtures.person("Sultan Kamaletdinov", "KAZ");
        azeri = Fixtures.person("Zakir Hasanov", "AZE");
        another = Fixtures.person("Ruslan Zhaksylykov", "KAZ");
        Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("endDate", "2024-04-27");
        visit = Fixtures.delegation(input);
    }

    @Test
    void personUpdatesKeepWhatTheyOmit() {
        check(new Subject("updatePerson", "person", PersonInput.class, PersonUpdateInput.class,
                "fullName rank position title country { code }",
                () -> ok("create-person", "input", Map.of("fullName", "Sultan Kamaletdinov", "rank", "Colonel General",
                        "position", "Chief of the General Staff", "country", "KAZ", "title", "Dr"))
                        .getString("data.createPerson.id"),
                List.of(new Field("fullName", "Sultan  Kamaletdinov Jr"), new Field("rank", "General"),
                        new Field("position", "First Deputy Minister"), new Field("title", "Sir"),
                        new Field("country", "AZE", "country", "country.code", "AZE"))));
    }

    @Test
    void visitUpdatesKeepWhatTheyOmit() {
        check(new Subject("updateDelegation", "delegation", DelegationInput.class, DelegationUpdateInput.class,
                "title kind status visitingCountry { code } hostCountry { code } head { id }"
                        + " members { role position person { id } } hosts { role position person { id } } startDate"
                        + " endDate summary topics { slug } sources { outlet url title publishedOn } otherCountries { code }",
                () -> {
                    Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
                    input.put("endDate", "2024-04-27");
                    input.put("headId", kazakh);
                    input.put("members", List.of(Map.of("personId", kazakh, "role", "head of delegation")));
                    input.put("hosts", List.of(Map.of("personId", azeri, "role", "received the delegation")));
                    input.put("summary", "Talks on military education.");
                    input.put("topics", List.of("military", "joint-exercises"));
                    input.put("sources",
                            List.of(Map.of("outlet", "Ministry of Defence", "url", "https://mod.gov.az/en/news/1")));
                    input.put("otherCountries", List.of("GEO"));
                    return Fixtures.delegation(input);
                },
                List.of(new Field("title", "Working visit"), new Field("kind", "WORKING_VISIT"),
                        new Field("status", "CANCELLED"),
                        new Field("visitingCountry", "TUR", "visitingCountry", "visitingCountry.code", "TUR"),
                        new Field("hostCountry", "ARM", "hostCountry", "hostCountry.code", "ARM"),
                        new Field("headId", another, "head", "head.id", another),
                        new Field("members", List.of(Map.of("personId", another, "role", "member")), "members",
                                "members.person.id", List.of(another)),
                        new Field("hosts", List.of(Map.of("personId", kazakh)), "hosts", "hosts.person.id", List.of(kazakh)),
                        new Field("startDate", "2024-04-24"), new Field("endDate", "2024-04-28"),
                        new Field("summary", "Talks on cyber defence."),
                        new Field("topics", List.of("military"), "topics", "topics.slug", List.of("military")),
                        new Field("sources", List.of(Map.of("outlet", "Kazinform")), "sources", "sources.outlet",
                                List.of("Kazinform")),
                        new Field("otherCountries", List.of("UZB", "KGZ"), "otherCountries", "otherCountries.code",
                                List.of("UZB", "KGZ")))));
    }

    @Test
    void agendaItemUpdatesKeepWhatTheyOmit() {
        check(new Subject("updateAgendaItem", "agendaItem", AgendaItemInput.class, AgendaItemUpdateInput.class,
                "kind title date startTime location description participants { id } topics { slug } honours",
                () -> {
                    Map<String, Object> input = Fixtures.agendaInput("WREATH_LAYING", "Wreath at the Alley of Martyrs",
                            "2024-04-25");
                    input.put("startTime", "09:30");
                    input.put("location", "Alley of Martyrs");
                    input.put("description", "Flowers were laid.");
                    input.put("participantIds", List.of(kazakh));
                    input.put("topics", List.of("military"));
                    input.put("honours", List.of("WREATH", "GUARD_OF_HONOUR"));
                    return ok("add-agenda-item", "delegationId", visit, "input", input).getString("data.addAgendaItem.id");
                },
                List.of(new Field("kind", "MEETING"), new Field("title", "Meeting at the Ministry"),
                        new Field("date", "2024-04-27"), new Field("startTime", "23:59", "startTime", "startTime", "23:59:00"),
                        new Field("location", "Ministry of Defence"), new Field("description", "Talks."),
                        // Participants read in name order: Ruslan Zhaksylykov before Zakir Hasanov.
                        new Field("participantIds", List.of(azeri, another), "participants", "participants.id",
                                List.of(another, azeri)),
                        new Field("topics", List.of("joint-exercises"), "topics", "topics.slug", List.of("joint-exercises")),
                        new Field("honours", List.of("BOOK_OF_HONOUR")))));
    }

    @Test
    void awardUpdatesKeepWhatTheyOmit() {
        String other = otherVisit();
        check(new Subject("updateAward", "award", AwardInput.class, AwardUpdateInput.class,
                "name kind recipient { id } conferredBy { code } conferredOn delegation { id } citation grade"
                        + " conferredByAuthority",
                () -> {
                    Map<String, Object> input = Fixtures.awardInput(kazakh, "AZE", "2024-04-26", visit);
                    input.put("citation", "For strengthening cooperation.");
                    input.put("grade", "first class");
                    input.put("conferredByAuthority", "the President of Azerbaijan");
                    return ok("confer-award", "input", input).getString("data.conferAward.id");
                },
                List.of(new Field("name", "Order of Friendship"), new Field("kind", "ORDER"),
                        new Field("recipientId", another, "recipient", "recipient.id", another),
                        new Field("conferredBy", "KAZ", "conferredBy", "conferredBy.code", "KAZ"),
                        new Field("conferredOn", "2024-04-27"),
                        // The other visit also covers 2024-04-27, so the award may move to it.
                        new Field("delegationId", other, "delegation", "delegation.id", other),
                        new Field("citation", "For merit."), new Field("grade", "second class"),
                        new Field("conferredByAuthority", "the Minister of Defence"))));
    }

    @Test
    void agreementUpdatesKeepWhatTheyOmit() {
        String other = otherVisit();
        check(new Subject("updateAgreement", "agreement", AgreementInput.class, AgreementUpdateInput.class,
                "title kind signedOn parties { code } signatories { id } delegation { id }",
                () -> ok("record-agreement", "input", Map.of("title", "Plan of military cooperation for 2024",
                        "kind", "PLAN", "signedOn", "2024-04-26", "parties", List.of("KAZ", "AZE"),
                        "signatoryIds", List.of(kazakh, azeri), "delegationId", visit))
                        .getString("data.recordAgreement.id"),
                List.of(new Field("title", "Memorandum on military education"), new Field("kind", "MEMORANDUM"),
                        new Field("signedOn", "2024-04-27"),
                        new Field("parties", List.of("AZE", "TUR"), "parties", "parties.code", List.of("AZE", "TUR")),
                        new Field("signatoryIds", List.of(another), "signatories", "signatories.id", List.of(another)),
                        new Field("delegationId", other, "delegation", "delegation.id", other))));
    }

    /** Lists hold no null ([String!]): one sent is refused, named by its index, and nothing changes. */
    @Test
    void aNullInAListIsNamedByItsIndex() {
        Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
        String id = Fixtures.delegation(input);
        List<String> topics = new java.util.ArrayList<>(List.of("military"));
        topics.add(null);
        Map<String, Object> changes = new HashMap<>();
        changes.put("topics", topics);
        JsonPath refused = post(
                "mutation($in: DelegationUpdateInput!) { updateDelegation(id: \"" + id + "\", expectedVersion: 0,"
                        + " input: $in) { id } }",
                "in", changes);
        assertEquals("topics[1]", refused.getString("errors[0].extensions.field"), refused::prettify);
        assertEquals(0, post("{ delegation(id: \"" + id + "\") { version } }").getInt("data.delegation.version"));
    }

    @Test
    void historyRecordsOnlyWhatChanged() {
        Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("summary", "Talks on military education.");
        input.put("hosts", List.of(Map.of("personId", azeri)));
        input.put("sources", List.of(Map.of("outlet", "Ministry of Defence")));
        String id = Fixtures.delegation(input);

        ok("update-delegation", "id", id, "expectedVersion", 0, "input", Map.of("title", "Official visit, corrected"));

        List<Map<String, Object>> history = ok("history", "entity", "Delegation", "id", id).getList("data.history");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("UPDATE", last.get("operation"));
        JsonObject before = json(last.get("before"));
        JsonObject after = json(last.get("after"));
        Set<String> changed = new TreeSet<>();
        for (String key : after.keySet()) {
            if (!after.get(key).equals(before.get(key))) {
                changed.add(key);
            }
        }
        assertEquals(Set.of("title", "version", "updated_at"), changed,
                () -> "the history of a title-only update records other changes: " + before + " -> " + after);

        // The same title again, and the same topics: nothing changes, so no new version and no history entry.
        JsonPath again = ok("update-delegation", "id", id, "expectedVersion", 1, "input",
                Map.of("title", "Official visit, corrected", "topics", List.of("military")));
        assertEquals(1, post("{ delegation(id: \"" + id + "\") { version } }").getInt("data.delegation.version"),
                again::prettify);
        assertEquals(history.size(), ok("history", "entity", "Delegation", "id", id).getList("data.history").size(),
                "an update that changes nothing records nothing");
    }

    private void check(Subject subject) {
        assertEquals(names(subject.update()), subject.fields().stream().map(Field::name).collect(Collectors.toSet()),
                subject.update().getSimpleName() + " has fields this test has no case for");
        String id = subject.record().get();
        Map<String, Object> current = read(subject, id);

        // An empty input changes nothing, not even the version.
        current = update(subject, id, current, Map.of(), Set.of());

        for (Field field : subject.fields()) {
            Map<String, Object> given = new HashMap<>();
            given.put(field.name(), field.value());
            current = update(subject, id, current, given, Set.of(field.key()));
            assertEquals(field.expected(), field(subject, id, field),
                    () -> subject.mutation() + " did not set " + field.name());

            Map<String, Object> cleared = new HashMap<>();
            cleared.put(field.name(), null);
            if (InputTypes.required(subject.create(), field.name())) {
                int version = (Integer) current.get("version");
                JsonPath refused = post(document(subject), "id", id, "version", version, "input", cleared);
                assertEquals("VALIDATION", refused.getString("errors[0].extensions.code"), refused::prettify);
                assertEquals(field.name(), refused.getString("errors[0].extensions.field"), refused::prettify);
                assertTrue(refused.getString("errors[0].message").contains("cannot be cleared"), refused::prettify);
                assertEquals(current, read(subject, id), () -> "a refused null changed " + subject.query());
            } else {
                current = update(subject, id, current, cleared, Set.of(field.key()));
                Object read = field(subject, id, field);
                assertTrue(read == null || read instanceof List<?> list && list.isEmpty(),
                        () -> subject.mutation() + " did not clear " + field.name() + ": " + read);
            }
        }
    }

    /**
     * Sends the update; everything outside the keys it may change must read as before, and the version goes up, unless
     * the input is empty: an update that changes nothing writes nothing.
     */
    private static Map<String, Object> update(Subject subject, String id, Map<String, Object> before,
            Map<String, Object> input, Set<String> changes) {
        int version = (Integer) before.get("version");
        JsonPath answer = post(document(subject), "id", id, "version", version, "input", input);
        assertNull(answer.get("errors"), () -> subject.mutation() + " refused " + input + ": " + answer.prettify());
        Map<String, Object> after = read(subject, id);
        assertEquals(input.isEmpty() ? version : version + 1, after.get("version"));
        Map<String, Object> kept = new LinkedHashMap<>(after);
        Map<String, Object> was = new LinkedHashMap<>(before);
        for (String key : changes) {
            kept.remove(key);
            was.remove(key);
        }
        kept.remove("version");
        was.remove("version");
        assertEquals(was, kept, () -> subject.mutation() + " with " + input + " changed what it did not mention");
        return after;
    }

    private static String document(Subject subject) {
        return "mutation($id: ID!, $version: Int!, $input: " + subject.update().getSimpleName() + "!) { "
                + subject.mutation() + "(id: $id, input: $input, expectedVersion: $version) { id } }";
    }

    private static JsonPath answer(Subject subject, String id) {
        return post("query($id: ID!) { " + subject.query() + "(id: $id) { version " + subject.selection() + " } }", "id", id);
    }

    private static Map<String, Object> read(Subject subject, String id) {
        return answer(subject, id).getMap("data." + subject.query());
    }

    private static Object field(Subject subject, String id, Field field) {
        return answer(subject, id).get("data." + subject.query() + "." + field.read());
    }

    private String otherVisit() {
        Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-27");
        return Fixtures.delegation(input);
    }

    private static Set<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    private static JsonObject json(Object value) {
        try (var reader = Json.createReader(new StringReader(String.valueOf(value)))) {
            return reader.readObject();
        }
    }
}
