package org.attache.person;

import static org.attache.Fixtures.person;
import static org.attache.Fixtures.personInput;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.attache.api.Paging;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PersonApiTest {

    @Test
    void createPersonStoresEveryFieldAndReadsBack() {
        Map<String, Object> input = personInput("Zakir Hasanov", "aze");
        input.put("rank", "Colonel General");
        input.put("position", "Minister of Defense of the Republic of Azerbaijan");
        JsonPath created = ok("create-person", "input", input);
        String id = created.getString("data.createPerson.id");
        assertEquals(0, created.getInt("data.createPerson.version"));
        assertEquals("Azerbaijan", created.getString("data.createPerson.country.name"));
        // Timestamps are ISO-8601 with an offset, the same instant for both on creation.
        OffsetDateTime createdAt = OffsetDateTime.parse(created.getString("data.createPerson.createdAt"));
        assertEquals(createdAt, OffsetDateTime.parse(created.getString("data.createPerson.updatedAt")));
        assertTrue(Duration.between(createdAt, OffsetDateTime.now()).abs().toMinutes() < 5);

        JsonPath read = ok("person", "id", id);
        assertEquals("Zakir Hasanov", read.getString("data.person.fullName"));
        assertEquals("Colonel General", read.getString("data.person.rank"));
        assertEquals("Minister of Defense of the Republic of Azerbaijan", read.getString("data.person.position"));
        assertEquals("AZE", read.getString("data.person.country.code"));
        assertEquals(List.of(), read.getList("data.person.delegationsLed"));
    }

    @Test
    void personQueryAnswersNullForUnknownOrMalformedId() {
        assertNull(ok("person", "id", "987654321").get("data.person"));
        assertNull(ok("person", "id", "not-a-number").get("data.person"));
    }

    @Test
    void updatePersonReplacesFieldsAndBumpsVersion() {
        String id = person("Karim Valiyev", "AZE");
        Map<String, Object> input = personInput("Karim Valiyev", "AZE");
        input.put("position", "Chief of the General Staff");
        JsonPath updated = ok("update-person", "id", id, "input", input, "expectedVersion", 0);
        assertEquals("Chief of the General Staff", updated.getString("data.updatePerson.position"));
        assertEquals(1, updated.getInt("data.updatePerson.version"));
    }

    @Test
    void updatePersonWithStaleVersionIsConflictAndChangesNothing() {
        String id = person("Stale Writer", "KAZ");
        Map<String, Object> first = personInput("Stale Writer", "KAZ");
        first.put("position", "Attaché"); // a change: an update that changes nothing keeps the version
        ok("update-person", "id", id, "input", first, "expectedVersion", 0);
        Map<String, Object> late = personInput("Lost Update", "KAZ");
        assertError(run("update-person", "id", id, "input", late, "expectedVersion", 0), "CONFLICT", null);
        assertEquals("Stale Writer", ok("person", "id", id).getString("data.person.fullName"));
    }

    @Test
    void updatePersonRejectsUnknownId() {
        assertError(run("update-person", "id", "987654321", "input", personInput("Nobody", "AZE"), "expectedVersion", 0),
                "NOT_FOUND", "id");
    }

    @Test
    void createPersonRejectsUnknownCountry() {
        assertError(run("create-person", "input", personInput("Nobody", "XXX")), "NOT_FOUND", "country");
    }

    @Test
    void createPersonRejectsBlankName() {
        assertError(run("create-person", "input", personInput("   ", "AZE")), "VALIDATION", "fullName");
    }

    @Test
    void createPersonRejectsTooLongPositionAndWritesNothing() {
        String name = unique("Too Long");
        Map<String, Object> input = personInput(name, "AZE");
        input.put("position", "x".repeat(301));
        assertError(run("create-person", "input", input), "VALIDATION", "position");
        assertEquals(0, ok("persons", "search", name).getInt("data.persons.totalCount"));
    }

    @Test
    void pagesHoldForNamesThatLowerCaseDifferentlyInJavaAndPostgreSQL() {
        // Java lower-cases "İ" to "i" plus a combining dot; PostgreSQL does not. Cursors carry the database's own key.
        String family = unique("Ilhamov");
        List<String> created = new ArrayList<>();
        for (String given : List.of("İa", "İb", "İc", "İd")) {
            created.add(person(given + " " + family, "AZE"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int i = 0; i < created.size(); i++) {
            JsonPath page = ok("persons", "search", family, "first", 1, "after", after);
            seen.addAll(page.getList("data.persons.edges.node.id"));
            after = page.getString("data.persons.pageInfo.endCursor");
        }
        assertEquals(created, seen, "each person exactly once, in name order");
    }

    @Test
    void personsSearchIgnoresCaseAndPagesWithoutRepeatsOrGaps() {
        String family = unique("Pagerov");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(person("Officer " + i + " " + family, i % 2 == 0 ? "AZE" : "KAZ"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = ok("persons", "search", family.toUpperCase(), "first", 3, "after", after);
            assertEquals(7, page.getInt("data.persons.totalCount"));
            seen.addAll(page.getList("data.persons.edges.node.id"));
            after = page.getString("data.persons.pageInfo.endCursor");
            pages++;
            if (!page.getBoolean("data.persons.pageInfo.hasNextPage")) {
                break;
            }
        } while (pages < 10);
        assertEquals(3, pages);
        assertEquals(created, seen, "persons come by name, each exactly once");

        JsonPath kazakhs = ok("persons", "search", family, "country", "KAZ", "first", 10);
        assertEquals(3, kazakhs.getInt("data.persons.totalCount"));
        assertTrue(kazakhs.getList("data.persons.edges.node.country.code").stream().allMatch("KAZ"::equals));
    }

    @Test
    void personsSearchFindsNamesWhateverTheSpellingOfSchwaSpacesHyphensAndInitials() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String schwa = person("Zaur Əliyev " + tag, "AZE");
        String spaced = person("Anna   Spaced " + tag, "DNK");
        String hyphenated = person("Zola-Ørsted " + tag, "DNK");
        String initials = person(tag + " J. J. Mkunda", "TZA");
        Map<String, String> found = Map.ofEntries(Map.entry("aliyev " + tag, schwa), Map.entry("ELIYEV " + tag, schwa),
                Map.entry("Əliyev " + tag, schwa), Map.entry("anna spaced " + tag, spaced),
                Map.entry("Anna   Spaced " + tag, spaced), Map.entry("zola orsted " + tag, hyphenated),
                Map.entry("Zola-Orsted " + tag, hyphenated), Map.entry(tag + " J.J. Mkunda", initials),
                Map.entry(tag + " j j mkunda", initials), Map.entry(tag + " J. J. Mkunda.", initials));
        found.forEach((search, id) -> {
            JsonPath page = ok("persons", "search", search);
            assertEquals(List.of(id), page.getList("data.persons.edges.node.id"), search);
        });
        assertEquals(0, ok("persons", "search", "oliyev " + tag).getInt("data.persons.totalCount"));
        // Typed with a schwa, a name is found in either spelling.
        String kerim = person("Kərim Vəliyev " + tag, "AZE");
        String karim = person("Karim Valiyev " + tag, "AZE");
        assertEquals(List.of(karim, kerim), ok("persons", "search", "vəliyev " + tag).getList("data.persons.edges.node.id"));
        assertEquals(List.of(karim, kerim), ok("persons", "search", "valiyev " + tag).getList("data.persons.edges.node.id"));
        assertEquals(List.of(kerim), ok("persons", "search", "veliyev " + tag).getList("data.persons.edges.node.id"));
    }

    @Test
    void personsSearchTreatsWildcardsLiterally() {
        String name = unique("Percent");
        person(name, "AZE");
        assertEquals(1, ok("persons", "search", name).getInt("data.persons.totalCount"));
        // Read as LIKE patterns, each of these would match the name.
        for (String pattern : List.of(name.substring(0, 3) + "%" + name.substring(6),
                name.substring(0, 3) + "_" + name.substring(4),
                name + "%")) {
            assertEquals(0, ok("persons", "search", pattern).getInt("data.persons.totalCount"), pattern);
        }
    }

    @Test
    void personsRejectsUnknownCountryBadCursorAndOversizedPage() {
        assertError(run("persons", "country", "XXX"), "NOT_FOUND", "country");
        assertError(run("persons", "after", "bm90LWEtY3Vyc29y"), "VALIDATION", "after");
        assertError(run("persons", "first", 101), "VALIDATION", "first");
        assertError(run("persons", "first", -1), "VALIDATION", "first");
        assertError(run("persons", "search", "x".repeat(Paging.MAX_SEARCH_TEXT + 1)), "VALIDATION", "search");
    }

    @Test
    void emptyPageStillReportsTotalAndNextPage() {
        String family = unique("Zero");
        person("A " + family, "AZE");
        JsonPath page = ok("persons", "search", family, "first", 0);
        assertEquals(1, page.getInt("data.persons.totalCount"));
        assertTrue(page.getBoolean("data.persons.pageInfo.hasNextPage"));
        assertNull(page.get("data.persons.pageInfo.endCursor"));
        assertEquals(List.of(), page.getList("data.persons.edges"));
    }
}
