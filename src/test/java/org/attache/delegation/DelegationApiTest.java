package org.attache.delegation;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.topic;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DelegationApiTest {

    @Test
    void createDelegationRecordsParticipantsTopicsAndSources() {
        String head = person(unique("Head"), "KAZ");
        String member = person(unique("Member"), "KAZ");
        String host = person(unique("Host"), "AZE");
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("endDate", "2024-04-26");
        input.put("headId", head);
        input.put("summary", "  Talks on cooperation.  ");
        input.put("members", List.of(Map.of("personId", head, "role", "Head of delegation"),
                Map.of("personId", member, "role", "Adviser", "position", "Deputy chief")));
        input.put("hosts", List.of(Map.of("personId", host, "role", "Received the delegation")));
        input.put("topics", List.of("military-technical", "military"));
        input.put("sources", List.of(Map.of("outlet", "News.Az", "url", "https://news.az/1", "publishedOn", "2024-04-25")));
        JsonPath created = ok("create-delegation", "input", input);
        String id = created.getString("data.createDelegation.id");

        JsonPath read = ok("delegation", "id", id);
        assertEquals("KAZ", read.getString("data.delegation.visitingCountry.code"));
        assertEquals("AZE", read.getString("data.delegation.hostCountry.code"));
        assertEquals(head, read.getString("data.delegation.head.id"));
        assertEquals("2024-04-26", read.getString("data.delegation.endDate"));
        assertEquals("Talks on cooperation.", read.getString("data.delegation.summary"));
        assertEquals(List.of(head, member), read.getList("data.delegation.members.person.id"));
        assertEquals(List.of("Head of delegation", "Adviser"), read.getList("data.delegation.members.role"));
        // The post held at the time defaults to the person's current one.
        assertEquals(List.of("Defense attaché", "Deputy chief"), read.getList("data.delegation.members.position"));
        assertEquals(List.of(host), read.getList("data.delegation.hosts.person.id"));
        assertEquals(List.of("military", "military-technical"), read.getList("data.delegation.topics.slug"));
        assertEquals("https://news.az/1", read.getString("data.delegation.sources[0].url"));
        assertEquals(List.of(), read.getList("data.delegation.agenda"));
        assertEquals(0, read.getInt("data.delegation.version"));
    }

    @Test
    void delegationQueryAnswersNullForUnknownId() {
        assertNull(ok("delegation", "id", "987654321").get("data.delegation"));
    }

    @Test
    void createDelegationRejectsHostEqualToVisitor() {
        assertError(run("create-delegation", "input", delegationInput("AZE", "AZE", "2024-01-01")), "VALIDATION",
                "hostCountry");
    }

    @Test
    void createDelegationRejectsEndBeforeStart() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("endDate", "2024-04-24");
        assertError(run("create-delegation", "input", input), "VALIDATION", "endDate");
    }

    @Test
    void createDelegationRejectsBlankAndTooLongTitle() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("title", " ");
        assertError(run("create-delegation", "input", input), "VALIDATION", "title");
        input.put("title", "t".repeat(301));
        assertError(run("create-delegation", "input", input), "VALIDATION", "title");
    }

    @Test
    void createDelegationRejectsUnknownCountryAndTopic() {
        assertError(run("create-delegation", "input", delegationInput("XYZ", "AZE", "2024-04-25")), "NOT_FOUND",
                "visitingCountry");
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("topics", List.of("no-such-topic"));
        assertError(run("create-delegation", "input", input), "NOT_FOUND", "topics");
    }

    @Test
    void createDelegationWithUnknownHostOfficialWritesNothing() {
        String topic = topic();
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("topics", List.of(topic));
        input.put("members", List.of(Map.of("personId", person(unique("Ok"), "KAZ"))));
        input.put("hosts", List.of(Map.of("personId", "987654321")));
        assertError(run("create-delegation", "input", input), "VALIDATION", "hosts[0].personId");
        assertEquals(0, ok("delegations", "filter", Map.of("topic", topic)).getInt("data.delegations.totalCount"));
    }

    @Test
    void createDelegationRejectsUnknownHeadAndDuplicateParticipant() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("headId", "987654321");
        assertError(run("create-delegation", "input", input), "VALIDATION", "headId");

        String twice = person(unique("Twice"), "KAZ");
        input.remove("headId");
        input.put("members", List.of(Map.of("personId", twice)));
        input.put("hosts", List.of(Map.of("personId", twice)));
        assertError(run("create-delegation", "input", input), "VALIDATION", "hosts[0].personId");
    }

    @Test
    void createDelegationNamesTheInvalidNestedField() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("members", List.of(Map.of("personId", person(unique("Roled"), "KAZ"), "role", "r".repeat(101))));
        assertError(run("create-delegation", "input", input), "VALIDATION", "members[0].role");
    }

    @Test
    void updateDelegationReplacesListsAndBumpsVersion() {
        String first = person(unique("First"), "KAZ");
        String second = person(unique("Second"), "KAZ");
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("members", List.of(Map.of("personId", first)));
        String id = delegation(input);

        input.put("members", List.of(Map.of("personId", second)));
        input.put("status", "CANCELLED");
        JsonPath updated = ok("update-delegation", "id", id, "input", input, "expectedVersion", 0);
        assertEquals(1, updated.getInt("data.updateDelegation.version"));
        assertEquals("CANCELLED", updated.getString("data.updateDelegation.status"));
        assertEquals(List.of(second), updated.getList("data.updateDelegation.members.person.id"));
    }

    @Test
    void updateDelegationWithStaleVersionIsConflictAndChangesNothing() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        String id = delegation(input);
        input.put("summary", "A first change."); // an update that changes nothing keeps the version
        ok("update-delegation", "id", id, "input", input, "expectedVersion", 0);
        input.put("title", "Lost update");
        assertError(run("update-delegation", "id", id, "input", input, "expectedVersion", 0), "CONFLICT", null);
        assertFalse(ok("delegation", "id", id).getString("data.delegation.title").equals("Lost update"));
    }

    @Test
    void updateDelegationRejectsUnknownIdAndDatesThatStrandTheAgenda() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        assertError(run("update-delegation", "id", "987654321", "input", input, "expectedVersion", 0), "NOT_FOUND", "id");

        String id = delegation(input);
        ok("add-agenda-item", "delegationId", id, "input", agendaInput("MEETING", "Talks", "2024-04-25"));
        input.put("startDate", "2024-04-26");
        assertError(run("update-delegation", "id", id, "input", input, "expectedVersion", 0), "VALIDATION", "startDate");
        assertEquals("2024-04-25", ok("delegation", "id", id).getString("data.delegation.startDate"));
    }

    @Test
    void deleteDelegationTakesItsAgendaAndAwardsAlong() {
        String recipient = person(unique("Recipient"), "AZE");
        String id = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        String item = ok("add-agenda-item", "delegationId", id, "input", agendaInput("MEETING", "Talks", "2024-04-25"))
                .getString("data.addAgendaItem.id");
        String award = ok("confer-award", "input", awardInput(recipient, "KAZ", "2024-04-25", id))
                .getString("data.conferAward.id");

        assertEquals(id, ok("delete-delegation", "id", id).getString("data.deleteDelegation"));
        assertNull(ok("delegation", "id", id).get("data.delegation"));
        assertNull(ok("agenda-item", "id", item).get("data.agendaItem"));
        assertNull(ok("award", "id", award).get("data.award"));
        assertError(run("delete-delegation", "id", id), "NOT_FOUND", "id");
    }

    @Test
    void delegationsPageAcrossPagesWithoutRepeatsOrGaps() {
        String topic = topic();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> input = delegationInput("KAZ", "AZE", LocalDate.of(2020, 1, 1).plusDays(i % 5).toString());
            input.put("topics", List.of(topic));
            created.add(delegation(input));
        }
        for (String order : List.of("START_DATE_DESC", "START_DATE_ASC")) {
            List<String> seen = new ArrayList<>();
            List<String> dates = new ArrayList<>();
            String after = null;
            boolean more = true;
            while (more) {
                JsonPath page = ok("delegations", "filter", Map.of("topic", topic), "orderBy", order, "first", 5, "after",
                        after);
                assertEquals(12, page.getInt("data.delegations.totalCount"));
                seen.addAll(page.getList("data.delegations.edges.node.id"));
                dates.addAll(page.getList("data.delegations.edges.node.startDate"));
                after = page.getString("data.delegations.pageInfo.endCursor");
                more = page.getBoolean("data.delegations.pageInfo.hasNextPage");
            }
            assertEquals(12, seen.size(), order);
            assertEquals(12, seen.stream().distinct().count(), order);
            assertTrue(seen.containsAll(created), order);
            List<String> sorted = new ArrayList<>(dates);
            sorted.sort(order.endsWith("DESC") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
            assertEquals(sorted, dates, order);
        }
    }

    @Test
    void delegationsCursorSurvivesInsertsBeforeIt() {
        String topic = topic();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2021-0" + (i + 1) + "-01");
            input.put("topics", List.of(topic));
            delegation(input);
        }
        JsonPath first = ok("delegations", "filter", Map.of("topic", topic), "orderBy", "START_DATE_ASC", "first", 2);
        Map<String, Object> earlier = delegationInput("KAZ", "AZE", "2020-06-01");
        earlier.put("topics", List.of(topic));
        delegation(earlier);
        JsonPath second = ok("delegations", "filter", Map.of("topic", topic), "orderBy", "START_DATE_ASC", "first", 2,
                "after", first.getString("data.delegations.pageInfo.endCursor"));
        assertEquals(List.of("2021-03-01", "2021-04-01"), second.getList("data.delegations.edges.node.startDate"));
    }

    @Test
    void delegationsFilterByCountriesDatesStatusKindPersonAndTopic() {
        String topic = topic();
        String official = person(unique("Official"), "TUR");
        Map<String, Object> a = delegationInput("KAZ", "AZE", "2023-05-01");
        a.put("topics", List.of(topic));
        a.put("headId", official);
        String toAzerbaijan = delegation(a);
        Map<String, Object> b = delegationInput("AZE", "TUR", "2023-09-01");
        b.put("topics", List.of(topic));
        b.put("kind", "WORKING_VISIT");
        b.put("status", "PLANNED");
        b.put("hosts", List.of(Map.of("personId", official)));
        String toTurkey = delegation(b);
        Map<String, Object> c = delegationInput("GEO", "ARM", "2024-01-01");
        c.put("topics", List.of("military"));
        String unrelated = delegation(c);
        String agendaTopic = topic();
        ok("add-agenda-item", "delegationId", unrelated, "input",
                Map.of("kind", "TALKS", "title", "Talks", "date", "2024-01-01", "topics", List.of(agendaTopic)));

        assertEquals(List.of(toAzerbaijan), ids(Map.of("topic", topic, "hostCountry", "AZE")));
        assertEquals(List.of(toTurkey), ids(Map.of("topic", topic, "visitingCountry", "aze")));
        assertEquals(List.of(toTurkey, toAzerbaijan), ids(Map.of("topic", topic, "country", "AZE")));
        assertEquals(List.of(toTurkey), ids(Map.of("topic", topic, "from", "2023-06-01")));
        assertEquals(List.of(toAzerbaijan), ids(Map.of("topic", topic, "to", "2023-06-01")));
        assertEquals(List.of(toTurkey), ids(Map.of("topic", topic, "status", "PLANNED")));
        assertEquals(List.of(toTurkey), ids(Map.of("topic", topic, "kind", "WORKING_VISIT")));
        assertEquals(List.of(toTurkey, toAzerbaijan), ids(Map.of("personId", official)));
        assertEquals(List.of(unrelated), ids(Map.of("topic", agendaTopic)));
    }

    @Test
    void delegationsRejectUnknownFilterValuesAndForeignCursors() {
        assertError(run("delegations", "filter", Map.of("hostCountry", "XXX")), "NOT_FOUND", "filter.hostCountry");
        assertError(run("delegations", "filter", Map.of("personId", "987654321")), "NOT_FOUND", "filter.personId");
        assertError(run("delegations", "filter", Map.of("topic", "no-such-topic")), "NOT_FOUND", "filter.topic");
        assertError(run("delegations", "filter", Map.of("from", "2024-02-01", "to", "2024-01-01")), "VALIDATION", "filter.to");
        delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        String descCursor = ok("delegations", "first", 1).getString("data.delegations.pageInfo.endCursor");
        assertError(run("delegations", "orderBy", "START_DATE_ASC", "after", descCursor), "VALIDATION", "after");
        assertError(run("delegations", "after", "%%%"), "VALIDATION", "after");
        assertError(run("delegations", "first", 1000), "VALIDATION", "first");
    }

    @Test
    void wrongArgumentTypeIsAGraphQLValidationErrorNotAServerError() {
        JsonPath response = run("delegations", "first", "many");
        assertEquals("GRAPHQL_VALIDATION_FAILED", response.getString("errors[0].extensions.code"));
        assertNull(response.get("data"));
        // graphql-java's classification is a library's type name, not part of the contract: never sent.
        assertNull(response.get("errors[0].extensions.classification"));
    }

    private static List<String> ids(Map<String, Object> filter) {
        return ok("delegations", "filter", filter, "first", 50).getList("data.delegations.edges.node.id");
    }
}
