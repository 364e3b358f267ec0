package org.attache.delegation;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.personInput;
import static org.attache.Fixtures.topic;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.attache.api.Paging;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Full-text search, relevance and update ordering, and keyset pages that hold still while rows are added. */
@QuarkusTest
class DelegationSearchTest {

    @Inject
    EntityManager entityManager;

    @Test
    void findsVisitsByWordsInEveryPartOfTheRecord() {
        String inTitle = word(), inSummary = word(), inAgendaTitle = word(), inAgendaText = word(), inName = word(),
                inTopic = word();
        String topic = topic();
        ok("create-topic", "input", Map.of("slug", topic + "-x", "label", "Cooperation in " + inTopic));
        String head = person("Robert Kaliňák" + inName, "SVK");
        Map<String, Object> input = delegationInput("SVK", "AZE", "2024-03-01");
        input.put("title", "Official visit " + inTitle);
        input.put("summary", "Talks on " + inSummary + " took place.");
        input.put("members", List.of(Map.of("personId", head)));
        input.put("topics", List.of(topic + "-x"));
        String visit = delegation(input);
        Map<String, Object> item = agendaInput("MEETING", "Meeting on " + inAgendaTitle, "2024-03-01");
        item.put("description", "The sides discussed " + inAgendaText + ".");
        ok("add-agenda-item", "delegationId", visit, "input", item);

        for (String text : List.of(inTitle, inSummary, inAgendaTitle, inAgendaText, inTopic)) {
            assertEquals(List.of(visit), ids(search(text, null)), text);
        }
        // Accents and case do not matter: the name is stored as Kaliňák.
        assertEquals(List.of(visit), ids(search("KALINAK" + inName, null)));
        // Word endings do not matter either ("meetings" finds a "Meeting").
        assertEquals(List.of(visit), ids(search("meetings " + inAgendaTitle, null)));
        assertEquals(List.of(), ids(search(inTitle + " -" + inSummary, null)), "an excluded word excludes the visit");
    }

    @Test
    void findsAVisitByItsCountriesHonoursAwardsDocumentsAndPeopleOnEitherSide() {
        String tag = word();
        String head = person("Sukhbaatar Ganbold", "MNG");
        String host = person("Walter Astudillo" + tag, "PER");
        String recipient = person("Nergui Tsogt" + tag, "MNG");
        Map<String, Object> input = delegationInput("MNG", "PER", "2024-05-02");
        input.put("title", "Visit " + tag);
        input.put("headId", head);
        input.put("hosts", List.of(Map.of("personId", host, "position", "Chief of the Joint Command")));
        String visit = delegation(input);
        Map<String, Object> wreath = agendaInput("WREATH_LAYING", "Ceremony", "2024-05-02");
        wreath.put("location", "Pantheon of the Heroes");
        wreath.put("honours", List.of("WREATH", "GUARD_OF_HONOUR", "NATIONAL_ANTHEMS"));
        ok("add-agenda-item", "delegationId", visit, "input", wreath);
        Map<String, Object> award = org.attache.Fixtures.awardInput(recipient, "PER", "2024-05-03", visit);
        award.put("name", "Order of Military Merit");
        award.put("kind", "ORDER");
        award.put("grade", "Grand Cross");
        ok("confer-award", "input", award);
        ok("record-agreement", "input", Map.of("title", "Plan on interoperability for 2025", "kind", "PLAN",
                "parties", List.of("MNG", "PER"), "delegationId", visit));

        for (String typed : List.of("Mongolia", "Mongolian", "Peru", "Peruvian", "wreath", "wreath laying",
                "guard of honour", "anthems", "Pantheon", "order", "merit", "grand cross", "interoperability", "plan",
                "Astudillo" + tag, "Tsogt" + tag, "joint command")) {
            assertEquals(List.of(visit), ids(search(typed + " " + tag, null)), typed);
        }
        assertEquals(List.of(), ids(search("Kazakh " + tag, null)), "a country the visit does not involve");

        // What changes afterwards is found too: a revoked award is no longer.
        String awardId = ok("awards", "filter", Map.of("delegationId", visit)).getString("data.awards.edges[0].node.id");
        ok("revoke-award", "id", awardId);
        assertEquals(List.of(), ids(search("merit " + tag, null)));
    }

    @Test
    void aCounterpartNarrowsToTheVisitsBetweenTwoCountriesEitherWay() {
        String topic = topic();
        List<String> between = new ArrayList<>();
        for (String[] pair : List.of(new String[] { "KAZ", "AZE" }, new String[] { "AZE", "KAZ" },
                new String[] { "KAZ", "TUR" },
                new String[] { "TUR", "AZE" })) {
            Map<String, Object> input = delegationInput(pair[0], pair[1], "2024-02-0" + (between.size() + 1));
            input.put("topics", List.of(topic));
            String visit = delegation(input);
            if (List.of(pair).containsAll(List.of("KAZ", "AZE"))) {
                between.add(visit);
            }
        }
        Map<String, Object> filter = Map.of("topic", topic, "country", "kaz", "counterpart", "AZE");
        assertEquals(List.of(between.get(1), between.get(0)), ids(ok("delegations", "filter", filter)));
        assertEquals(List.of(between.get(1), between.get(0)),
                org.attache.GraphQL.okWithResolvers("delegations", "filter", filter).getList("data.delegations.edges.node.id"));
        assertError(run("delegations", "filter", Map.of("counterpart", "XXX")), "NOT_FOUND", "filter.counterpart");
    }

    @Test
    void theSearchFollowsRenamesAndRemovals() {
        String oldName = word(), newName = word(), spoken = word();
        String head = person("General " + oldName, "KAZ");
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("headId", head);
        String visit = delegation(input);
        Map<String, Object> item = agendaInput("TALKS", "Talks", "2024-04-25");
        item.put("description", "They spoke about " + spoken + ".");
        String itemId = ok("add-agenda-item", "delegationId", visit, "input", item).getString("data.addAgendaItem.id");
        assertEquals(List.of(visit), ids(search(oldName, null)));
        assertEquals(List.of(visit), ids(search(spoken, null)));

        ok("update-person", "id", head, "input", personInput("General " + newName, "KAZ"), "expectedVersion", 0);
        ok("remove-agenda-item", "id", itemId);

        assertEquals(List.of(), ids(search(oldName, null)));
        assertEquals(List.of(visit), ids(search(newName, null)));
        assertEquals(List.of(), ids(search(spoken, null)));
    }

    @Test
    void aTopicRenamedInTheDatabaseIsFoundByItsNewLabel() {
        String oldWord = word(), newWord = word();
        String slug = topic() + "-r";
        ok("create-topic", "input", Map.of("slug", slug, "label", "Cooperation in " + oldWord));
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-06-01");
        input.put("topics", List.of(slug));
        String visit = delegation(input);
        assertEquals(List.of(visit), ids(search(oldWord, null)));

        // Topics have no rename mutation: operators rename them in SQL, and the trigger must follow.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update topic set label = :label where slug = :slug")
                .setParameter("label", "Cooperation in " + newWord).setParameter("slug", slug).executeUpdate());

        assertEquals(List.of(), ids(search(oldWord, null)));
        assertEquals(List.of(visit), ids(search(newWord, null)));
    }

    @Test
    void bestMatchesComeFirstAndPagesDoNotRepeat() {
        String text = word();
        Map<String, Object> weak = delegationInput("KAZ", "AZE", "2024-01-10");
        weak.put("summary", "Also mentioned: " + text + ".");
        String weakMatch = delegation(weak);
        Map<String, Object> strong = delegationInput("KAZ", "AZE", "2023-01-10");
        strong.put("title", "Visit on " + text);
        String strongMatch = delegation(strong);

        assertEquals(List.of(strongMatch, weakMatch), ids(search(text, null)), "title outranks summary whatever the dates");
        JsonPath first = ok("delegations", "filter", Map.of("text", text), "first", 1);
        assertEquals(2, first.getInt("data.delegations.totalCount"));
        assertTrue(first.getBoolean("data.delegations.pageInfo.hasNextPage"));
        JsonPath second = ok("delegations", "filter", Map.of("text", text), "first", 1,
                "after", first.getString("data.delegations.pageInfo.endCursor"));
        assertEquals(List.of(weakMatch), ids(second));
        assertFalse(second.getBoolean("data.delegations.pageInfo.hasNextPage"));
        // Asked by date instead, the older visit comes last.
        assertEquals(List.of(weakMatch, strongMatch), ids(search(text, "START_DATE_DESC")));
    }

    @Test
    void lastUpdatedComesFirstWhenAsked() {
        String topic = topic();
        Map<String, Object> older = delegationInput("KAZ", "AZE", "2024-01-10");
        older.put("topics", List.of(topic));
        String earlier = delegation(older);
        Map<String, Object> newer = delegationInput("KAZ", "AZE", "2024-02-10");
        newer.put("topics", List.of(topic));
        String later = delegation(newer);
        assertEquals(List.of(later, earlier),
                ids(ok("delegations", "filter", Map.of("topic", topic), "orderBy", "UPDATED_AT_DESC")));

        older.put("summary", "Edited afterwards.");
        ok("update-delegation", "id", earlier, "input", older, "expectedVersion", 0);
        JsonPath page = ok("delegations", "filter", Map.of("topic", topic), "orderBy", "UPDATED_AT_DESC", "first", 1);
        assertEquals(List.of(earlier), ids(page));
        JsonPath next = ok("delegations", "filter", Map.of("topic", topic), "orderBy", "UPDATED_AT_DESC", "first", 1,
                "after", page.getString("data.delegations.pageInfo.endCursor"));
        assertEquals(List.of(later), ids(next));
    }

    @Test
    void aPageContinuesExactlyAfterItsCursorWhileRowsAreInserted() {
        String topic = topic();
        List<String> visits = new ArrayList<>();
        for (String day : List.of("2024-01-01", "2024-02-01", "2024-03-01")) {
            visits.add(visitOn(day, topic));
        }
        JsonPath first = ok("delegations", "filter", Map.of("topic", topic), "orderBy", "START_DATE_ASC", "first", 2);
        assertEquals(visits.subList(0, 2), ids(first));
        String before = visitOn("2023-12-01", topic); // sorts before the cursor: must not appear on the next page
        String after = visitOn("2024-04-01", topic);
        JsonPath second = ok("delegations", "filter", Map.of("topic", topic), "orderBy", "START_DATE_ASC", "first", 2,
                "after", first.getString("data.delegations.pageInfo.endCursor"));
        assertEquals(List.of(visits.get(2), after), ids(second));
        assertEquals(5, second.getInt("data.delegations.totalCount"));
        assertFalse(ids(second).contains(before));
    }

    @Test
    void badSearchesAreValidationErrors() {
        assertError(run("delegations", "orderBy", "RELEVANCE"), "VALIDATION", "orderBy");
        assertError(run("delegations", "filter", Map.of("text", "x".repeat(Paging.MAX_SEARCH_TEXT + 1))),
                "VALIDATION", "filter.text");
        delegation(delegationInput("KAZ", "AZE", "2024-01-01"));
        String dateCursor = ok("delegations", "first", 1).getString("data.delegations.pageInfo.endCursor");
        assertError(run("delegations", "filter", Map.of("text", "visit"), "after", dateCursor), "VALIDATION", "after");
        // Words and operators a user may type are never SQL: they are just searched for.
        assertEquals(List.of(), ids(search("'; drop table delegation; -- \\ % _ \" & | ! :*", null)));
    }

    @Test
    void personsAreFoundIgnoringCaseAndAccents() {
        String suffix = word();
        String kalinak = person("Robert Kaliňák " + suffix, "SVK");
        for (String search : List.of("kalinak " + suffix, "KALIŇÁK " + suffix, "Kaliňak " + suffix)) {
            JsonPath found = ok("persons", "search", search);
            assertEquals(List.of(kalinak), found.getList("data.persons.edges.node.id"), search);
        }
        assertEquals(0, ok("persons", "search", "kalinak_" + suffix).getInt("data.persons.totalCount"),
                "_ is a character to find, not a wildcard");
    }

    @Test
    void findsWhatAnalystsTypePlainlyAsPrefixesAndSlugs() {
        String tag = word();
        String head = person("Kərim Vəliyev" + tag, "AZE");
        String topic = topic();
        ok("create-topic", "input", Map.of("slug", topic + "-medicine", "label", "Military medicine " + tag));
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("title", "Visit to Gəncə " + tag);
        input.put("summary", "Exercise code " + tag + "-9e4abcd1 was agreed.");
        input.put("headId", head);
        input.put("topics", List.of(topic + "-medicine"));
        String visit = delegation(input);

        for (String typed : List.of("Gence " + tag, "Veliyev" + tag, "Kerim " + tag, "military-medicine " + tag,
                "military_medicine " + tag, "Gən " + tag, "Vəli " + tag,
                // Split at the hyphen, the code's second half would read as other tokens: it matches as written too.
                tag + "-9e4abcd1")) {
            assertEquals(List.of(visit), ids(search(typed, null)), typed);
        }
        // Names in a person search fold the same way.
        assertEquals(List.of(head), ok("persons", "search", "Veliyev" + tag).getList("data.persons.edges.node.id"));
    }

    @Test
    void textWithNoWordToSearchForFiltersNothingLikeBlankText() {
        int all = ok("delegations").getInt("data.delegations.totalCount");
        for (String text : List.of("  ", "the", "the of and")) {
            assertEquals(all, search(text, null).getInt("data.delegations.totalCount"), text);
        }
        assertError(run("delegations", "filter", Map.of("text", "the"), "orderBy", "RELEVANCE"), "VALIDATION", "orderBy");
    }

    @Test
    void aCursorContinuesOnlyTheListThatMadeIt() {
        String topic = topic();
        for (String day : List.of("2022-01-01", "2022-01-02", "2022-01-03")) {
            visitOn(day, topic);
        }
        Map<String, Object> filter = Map.of("topic", topic);
        String cursor = ok("delegations", "filter", filter, "first", 1).getString("data.delegations.pageInfo.endCursor");
        assertEquals(1,
                ok("delegations", "filter", filter, "first", 1, "after", cursor).getList("data.delegations.edges").size());
        assertError(run("delegations", "filter", Map.of("topic", topic, "kind", "OFFICIAL_VISIT"), "first", 1, "after", cursor),
                "VALIDATION", "after");
        assertError(run("delegations", "first", 1, "after", cursor), "VALIDATION", "after");
        person("Alma Aliyeva", "KAZ");
        person("Aliya Amanova", "KAZ");
        String people = ok("persons", "search", "a", "first", 1).getString("data.persons.pageInfo.endCursor");
        assertError(run("persons", "search", "b", "first", 1, "after", people), "VALIDATION", "after");
    }

    @Test
    void anEmptyPageEndsWhereItWasAskedToStart() {
        String topic = topic();
        for (String day : List.of("2021-01-01", "2021-01-02")) {
            visitOn(day, topic);
        }
        Map<String, Object> filter = Map.of("topic", topic);
        String cursor = ok("delegations", "filter", filter, "first", 1).getString("data.delegations.pageInfo.endCursor");
        for (boolean resolvers : List.of(false, true)) {
            JsonPath none = resolvers
                    ? org.attache.GraphQL.okWithResolvers("delegations", "filter", filter, "first", 0, "after", cursor)
                    : ok("delegations", "filter", filter, "first", 0, "after", cursor);
            assertTrue(none.getBoolean("data.delegations.pageInfo.hasNextPage"));
            assertEquals(cursor, none.getString("data.delegations.pageInfo.endCursor"), "resolvers: " + resolvers);
        }
    }

    private static String visitOn(String day, String topic) {
        Map<String, Object> input = delegationInput("KAZ", "AZE", day);
        input.put("topics", List.of(topic));
        return delegation(input);
    }

    private static JsonPath search(String text, String orderBy) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("text", text);
        return ok("delegations", "filter", filter, "orderBy", orderBy);
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("data.delegations.edges.node.id");
    }

    /** A made-up word no other test uses, so a search finds only this test's visits. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
