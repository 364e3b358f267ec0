package org.attache.delegation;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.topic;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.okWithResolvers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.attache.GraphQL;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Nested fields are batch-resolved: the statements a response costs depend on its shape, not on its rows. These are
 * the resolvers' counts (queries the one-statement path answers cost one: TelemetryTest).
 */
@QuarkusTest
class BatchLoadingTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void statementCountDoesNotGrowWithThePageSize() {
        String topic = topic();
        for (int i = 0; i < 10; i++) {
            String head = person(unique("Head"), "KAZ");
            String host = person(unique("Host"), "AZE");
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2023-0" + (i % 9 + 1) + "-10");
            input.put("topics", List.of(topic, "military"));
            input.put("headId", head);
            input.put("members", List.of(Map.of("personId", head, "role", "Head")));
            input.put("hosts", List.of(Map.of("personId", host)));
            input.put("sources", List.of(Map.of("outlet", "News.Az")));
            String visit = delegation(input);
            for (String kind : List.of("WREATH_LAYING", "MEETING")) {
                Map<String, Object> item = agendaInput(kind, kind, (String) input.get("startDate"));
                item.put("participantIds", List.of(head, host));
                item.put("honours", List.of("WREATH"));
                item.put("topics", List.of("military"));
                ok("add-agenda-item", "delegationId", visit, "input", item);
            }
            ok("confer-award", "input", awardInput(host, "KAZ", (String) input.get("startDate"), visit));
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statementsFor(topic, 10); // warms the second-level cache of countries and topics

        long forTwo = statementsFor(topic, 2);
        long forTen = statementsFor(topic, 10);
        assertEquals(forTwo, forTen, "a bigger page must not cost more statements");
        // The page, its count, the topic lookup, and one statement per nested list or object in the document.
        assertTrue(forTen <= 20, "statements for one response: " + forTen);
    }

    @Test
    void thePeersQ2ShapeCostsAtMostSixStatementsWhateverThePageSize() {
        // Chile hosts no other test's visits: the page holds exactly these 50.
        for (int i = 0; i < 50; i++) {
            String day = "2022-" + String.format("%02d", i % 12 + 1) + "-" + String.format("%02d", i % 28 + 1);
            String head = person(unique("Head"), "PER");
            Map<String, Object> input = delegationInput("PER", "CHL", day);
            input.put("headId", head);
            String visit = delegation(input);
            ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Talks", day));
            ok("add-agenda-item", "delegationId", visit, "input", agendaInput("WREATH_LAYING", "Wreath", day));
            ok("confer-award", "input", awardInput(head, "CHL", day, visit));
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        okWithResolvers("delegations-hosted", "host", "CHL", "first", 50); // warms the second-level cache of countries

        long forFive = hostedStatements(5);
        long forFifty = hostedStatements(50);
        assertEquals(forFive, forFifty, "a bigger page must not cost more statements");
        // The page, its count, heads, agenda items, awards, their recipients; countries come from the cache.
        assertEquals(6, forFifty);
    }

    @Test
    void totalCountIsOnlyCountedWhenAsked() {
        String topic = topic();
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2023-01-10");
        input.put("topics", List.of(topic));
        delegation(input);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        String page = "query($topic: String) { delegations(filter: { topic: $topic }) { edges { node { id } } } }";
        String counted = "query($topic: String) { delegations(filter: { topic: $topic }) { totalCount edges { node { id } } } }";
        GraphQL.postWithResolvers(page, "topic", topic); // warms the cache of topics
        statistics.clear();
        GraphQL.postWithResolvers(page, "topic", topic);
        long withoutCount = statistics.getPrepareStatementCount();
        statistics.clear();
        assertEquals(1, GraphQL.postWithResolvers(counted, "topic", topic).getInt("data.delegations.totalCount"));
        assertEquals(withoutCount + 1, statistics.getPrepareStatementCount());
    }

    private long hostedStatements(int first) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        JsonPath page = okWithResolvers("delegations-hosted", "host", "CHL", "first", first);
        assertEquals(50, page.getInt("data.delegations.totalCount"));
        assertEquals(first, page.getList("data.delegations.edges").size());
        assertEquals(2, page.getList("data.delegations.edges[" + (first - 1) + "].node.agenda").size());
        assertEquals(page.getString("data.delegations.edges[0].node.head.id"),
                page.getString("data.delegations.edges[0].node.awards[0].recipient.id"));
        assertEquals("Peru", page.getString("data.delegations.edges[0].node.visitingCountry.name"));
        return statistics.getPrepareStatementCount();
    }

    private long statementsFor(String topic, int first) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        JsonPath page = okWithResolvers("delegations-nested", "filter", Map.of("topic", topic), "first", first);
        assertEquals(first, page.getList("data.delegations.edges").size());
        assertEquals(2, page.getList("data.delegations.edges[0].node.agenda").size());
        assertEquals(1, page.getList("data.delegations.edges[0].node.awards").size());
        return statistics.getPrepareStatementCount();
    }
}
