package org.attache.stats;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.topic;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.okWithResolvers;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Dashboard aggregates over three visits in 1991-92 between Iceland, Norway and Finland, countries and years no
 * other test records, so the expected counts are exact.
 */
@QuarkusTest
class StatsApiTest {

    private static final String FROM = "1991-01-01", TO = "1992-12-31";

    @Inject
    EntityManagerFactory entityManagerFactory;

    private static String visitTopic, agendaTopic;

    /** Once per run (a static @BeforeAll would run before the application is up). */
    @BeforeEach
    void recordVisits() {
        if (visitTopic != null) {
            return;
        }
        visitTopic = topic();
        agendaTopic = topic();
        String icelander = person("Icelandic general", "ISL");
        String norwegian = person("Norwegian admiral", "NOR");
        // Iceland visits Norway in February 1991: two agenda items, Norway decorates the Icelander.
        String toNorway = visit("ISL", "NOR", "1991-02-10", "1991-02-12", List.of(visitTopic));
        item(toNorway, "MEETING", "1991-02-10", List.of());
        item(toNorway, "TALKS", "1991-02-11", List.of());
        ok("confer-award", "input", awardInput(icelander, "NOR", "1991-02-11", toNorway));
        // Norway visits Iceland in November 1991: the topic is set on the visit and on its agenda item (counted once).
        String toIceland = visit("NOR", "ISL", "1991-11-05", "1991-11-06", List.of(visitTopic));
        item(toIceland, "MEETING", "1991-11-05", List.of(visitTopic));
        ok("confer-award", "input", awardInput(norwegian, "ISL", "1991-11-05", toIceland));
        // Iceland visits Finland in May 1992: a wreath-laying whose agenda item carries the second topic.
        String toFinland = visit("ISL", "FIN", "1992-05-01", "1992-05-01", List.of());
        item(toFinland, "WREATH_LAYING", "1992-05-01", List.of(agendaTopic));
    }

    @Test
    void cooperationPerYearCountsEveryKindOfActivity() {
        JsonPath stats = ok("cooperation-stats", "country", "ISL", "from", FROM, "to", TO);
        assertEquals(List.of("1991-01-01", "1992-01-01"), stats.getList("data.cooperationStats.start"));
        assertEquals(
                Map.of("start", "1991-01-01", "visitsHosted", 1, "visitsMade", 1, "awardsConferred", 1, "awardsReceived", 1,
                        "agendaItems", List.of(Map.of("kind", "MEETING", "count", 2), Map.of("kind", "TALKS", "count", 1))),
                stats.getMap("data.cooperationStats[0]"));
        assertEquals(
                Map.of("start", "1992-01-01", "visitsHosted", 0, "visitsMade", 1, "awardsConferred", 0, "awardsReceived", 0,
                        "agendaItems", List.of(Map.of("kind", "WREATH_LAYING", "count", 1))),
                stats.getMap("data.cooperationStats[1]"));
    }

    @Test
    void aCounterpartNarrowsToTheTwoCountriesAndEmptyPeriodsAreZero() {
        JsonPath stats = ok("cooperation-stats", "country", "ISL", "counterpart", "NOR", "from", "1991-01-01", "to",
                "1991-12-31", "interval", "QUARTER");
        assertEquals(List.of("1991-01-01", "1991-04-01", "1991-07-01", "1991-10-01"),
                stats.getList("data.cooperationStats.start"));
        assertEquals(List.of(0, 0, 0, 1), stats.getList("data.cooperationStats.visitsHosted"));
        assertEquals(List.of(1, 0, 0, 0), stats.getList("data.cooperationStats.visitsMade"));
        assertEquals(List.of(1, 0, 0, 0), stats.getList("data.cooperationStats.awardsReceived"));
        assertEquals(List.of(0, 0, 0, 1), stats.getList("data.cooperationStats.awardsConferred"));
        assertEquals(List.of(), stats.getList("data.cooperationStats[1].agendaItems"));
        // Without from/to the periods run from the first to the last with data: the Finnish visit is not Norway's.
        JsonPath open = ok("cooperation-stats", "country", "NOR", "counterpart", "ISL", "interval", "MONTH");
        assertEquals(10, open.getList("data.cooperationStats").size(), "February to November 1991");
        assertEquals("1991-02-01", open.getString("data.cooperationStats[0].start"));
    }

    @Test
    void countryPairsRankTheMostActivePairsBothWays() {
        JsonPath pairs = ok("country-pairs", "from", FROM, "to", TO);
        assertEquals(2, pairs.getList("data.countryPairs").size());
        assertEquals(Map.of("one", Map.of("code", "ISL", "name", "Iceland"), "other", Map.of("code", "NOR", "name", "Norway"),
                "oneVisitedOther", 1, "otherVisitedOne", 1, "visits", 2), pairs.getMap("data.countryPairs[0]"));
        assertEquals(Map.of("one", Map.of("code", "FIN", "name", "Finland"), "other", Map.of("code", "ISL", "name", "Iceland"),
                "oneVisitedOther", 0, "otherVisitedOne", 1, "visits", 1), pairs.getMap("data.countryPairs[1]"));
        assertEquals(1, ok("country-pairs", "from", FROM, "to", TO, "first", 1).getList("data.countryPairs").size());
    }

    @Test
    void topicTrendsCountEachVisitOncePerTopicAndPeriod() {
        JsonPath trends = ok("topic-trends", "from", FROM, "to", TO);
        List<Map<String, Object>> all = trends.getList("data.topicTrends");
        assertEquals(2, all.size(), trends::prettify);
        assertEquals(visitTopic, trends.getString("data.topicTrends[0].topic.slug"));
        assertEquals(2, trends.getInt("data.topicTrends[0].visits"));
        assertEquals(List.of(2, 0), trends.getList("data.topicTrends[0].periods.visits"));
        assertEquals(agendaTopic, trends.getString("data.topicTrends[1].topic.slug"));
        assertEquals(List.of(0, 1), trends.getList("data.topicTrends[1].periods.visits"));
        assertEquals(List.of("1991-01-01", "1992-01-01"), trends.getList("data.topicTrends[1].periods.start"));
    }

    @Test
    void countryCountsAreOneStatementPerFieldForAllCountriesWithTheResolvers() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        okWithResolvers("country-activity"); // warms the cached country list
        statistics.clear();
        JsonPath countries = okWithResolvers("country-activity");
        long statements = statistics.getPrepareStatementCount();
        List<Map<String, Object>> list = countries.getList("data.countries");
        Map<String, Object> iceland = list.stream().filter(c -> c.get("code").equals("ISL")).findFirst().orElseThrow();
        assertEquals(Map.of("code", "ISL", "name", "Iceland", "hostedCount", 1, "sentCount", 2, "awardsConferredCount", 1),
                iceland);
        assertEquals(3, statements, "one lookup of the kept totals per field, the list itself from the cache, for "
                + list.size() + " countries");
    }

    @Test
    void countryTotalsFollowEveryRecordedUpdatedAndDeletedVisit() {
        // Malta, Cyprus and Greece appear in no other test.
        List<Integer> malta = totals("MLT"), cyprus = totals("CYP"), greece = totals("GRC");
        String maltese = person("Maltese colonel", "MLT");
        Map<String, Object> input = delegationInput("MLT", "CYP", "2019-03-04");
        String visit = delegation(input);
        ok("confer-award", "input", awardInput(maltese, "CYP", "2019-03-04", visit));
        assertEquals(plus(malta, 0, 1, 0), totals("MLT"));
        assertEquals(plus(cyprus, 1, 0, 1), totals("CYP"));

        input.put("hostCountry", "GRC");
        ok("update-delegation", "id", visit, "input", input, "expectedVersion", 0);
        assertEquals(plus(cyprus, 0, 0, 1), totals("CYP"), "the award stays Cyprus's");
        assertEquals(plus(greece, 1, 0, 0), totals("GRC"));

        ok("delete-delegation", "id", visit); // its award goes with it
        assertEquals(malta, totals("MLT"));
        assertEquals(cyprus, totals("CYP"));
        assertEquals(greece, totals("GRC"));
    }

    @Test
    void badArgumentsAreClientErrors() {
        assertError(run("cooperation-stats", "country", "XXX"), "NOT_FOUND", "country");
        assertError(run("cooperation-stats", "country", "ISL", "counterpart", "isl"), "VALIDATION", "counterpart");
        assertError(run("cooperation-stats", "country", "ISL", "from", TO, "to", FROM), "VALIDATION", "to");
        assertError(run("cooperation-stats", "country", "ISL", "from", "1900-01-01", "to", "2100-01-01", "interval", "MONTH"),
                "VALIDATION", "interval");
        assertError(run("country-pairs", "first", 101), "VALIDATION", "first");
        assertError(run("topic-trends", "from", TO, "to", FROM), "VALIDATION", "to");
    }

    private static List<Integer> totals(String code) {
        JsonPath country = ok("country-totals", "code", code);
        return List.of(country.getInt("data.country.hostedCount"), country.getInt("data.country.sentCount"),
                country.getInt("data.country.awardsConferredCount"));
    }

    private static List<Integer> plus(List<Integer> totals, int hosted, int sent, int conferred) {
        return List.of(totals.get(0) + hosted, totals.get(1) + sent, totals.get(2) + conferred);
    }

    private static String visit(String visiting, String host, String start, String end, List<String> topics) {
        Map<String, Object> input = delegationInput(visiting, host, start);
        input.put("endDate", end);
        input.put("topics", topics);
        return delegation(input);
    }

    private static void item(String visit, String kind, String date, List<String> topics) {
        Map<String, Object> input = agendaInput(kind, kind.toLowerCase(), date);
        input.put("topics", topics);
        ok("add-agenda-item", "delegationId", visit, "input", input);
    }
}
