package org.attache.sqlread;

import static io.restassured.RestAssured.given;
import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.topic;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.document;
import static org.attache.GraphQL.management;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import org.attache.api.NodeIds;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Queries the one-statement path compiles are answered by it (header Attache-Execution: sql) with exactly the
 * resolvers' answer (the same request with Attache-Execution: resolvers); everything else is left to the resolvers,
 * errors and roles included.
 */
@QuarkusTest
class SqlReadsTest {

    private static Visits visits;

    private record Visits(String topic, String word, String full, String bare, String host, String head, String headName,
            String item, String award, String agreement) {
    }

    /** Visits only this test's topic selects: one with everything recorded, one with nothing optional, two more. */
    private static synchronized Visits visits() {
        if (visits == null) {
            String topic = topic();
            String word = unique("zeugma").toLowerCase();
            String headName = unique("Head");
            String head = person(headName, "KAZ");
            String host = person(unique("Host"), "AZE");
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-24");
            input.put("endDate", "2024-04-26");
            input.put("summary", "Talks on military education, " + word + ".");
            input.put("headId", head);
            // Lists in an order that is not their sort order, so that both paths have to sort them the same way.
            String second = topic();
            input.put("topics", List.of(second, topic));
            input.put("members", List.of(member(person(unique("Zhukov"), "KAZ"), "adviser", null),
                    member(person(unique("Abay"), "KAZ"), null, "Chief of Staff")));
            input.put("hosts", List.of(member(host, "received the delegation", "Minister of Defence")));
            input.put("otherCountries", List.of("UZB", "GEO"));
            input.put("sources", List.of(Map.of("outlet", "News.Az", "url", "https://news.az/1", "title", "Visit"),
                    Map.of("outlet", "Trend", "publishedOn", "2024-04-25")));
            String full = delegation(input);
            // Out of order on purpose: the answer lists them by day, then time, untimed last.
            Map<String, Object> talks = item("TALKS", "Talks", "2024-04-25", "10:00:00");
            talks.put("topics", List.of(topic, second));
            talks.put("participantIds", List.of(host, head)); // listed by name: the head's comes first
            talks.put("honours", List.of("NATIONAL_ANTHEMS", "GUARD_OF_HONOUR", "WREATH"));
            ok("add-agenda-item", "delegationId", full, "input", talks);
            ok("add-agenda-item", "delegationId", full, "input", item("OTHER", "Book of Honour", "2024-04-24", null));
            String item = ok("add-agenda-item", "delegationId", full, "input",
                    item("WREATH_LAYING", "Alley of Honor", "2024-04-24", "09:30:00")).getString("data.addAgendaItem.id");
            String award = ok("confer-award", "input", awardInput(head, "AZE", "2024-04-26", full))
                    .getString("data.conferAward.id");
            ok("confer-award", "input", awardInput(host, "KAZ", "2024-04-25", full));
            // Parties and signatories out of order: both paths keep the order recorded.
            Map<String, Object> plan = new HashMap<>(Map.of("title", "Cooperation plan for 2025", "kind", "PLAN",
                    "parties", List.of("KAZ", "AZE"), "signatoryIds", List.of(host, head), "delegationId", full,
                    "signedOn", "2024-04-25"));
            String agreement = ok("record-agreement", "input", plan).getString("data.recordAgreement.id");
            Map<String, Object> bareInput = delegationInput("AZE", "KAZ", "2024-05-02");
            bareInput.put("topics", List.of(topic));
            String bare = delegation(bareInput);
            for (String day : List.of("2024-06-01", "2024-06-01")) {
                Map<String, Object> more = delegationInput("KAZ", "AZE", day);
                more.put("topics", List.of(topic));
                delegation(more);
            }
            visits = new Visits(topic, word, full, bare, host, head, headName, item, award, agreement);
        }
        return visits;
    }

    private static Map<String, Object> member(String personId, String role, String position) {
        Map<String, Object> member = new HashMap<>();
        member.put("personId", personId);
        member.put("role", role);
        member.put("position", position);
        return member;
    }

    private static Map<String, Object> item(String kind, String title, String date, String time) {
        Map<String, Object> item = agendaInput(kind, title, date);
        item.put("startTime", time);
        item.put("location", "Baku");
        item.put("description", kind.toLowerCase());
        return item;
    }

    @Test
    void aVisitWithEverythingIsAnsweredBySqlAsTheResolversAnswerIt() {
        Visits v = visits();
        JsonPath answer = sameAnswer("sql-visit", "id", v.full(), "withAwards", true);
        assertEquals("Query", answer.getString("data.__typename"));
        assertEquals(v.full(), answer.getString("data.visit.id"));
        assertEquals("Delegation", answer.getString("data.visit.__typename"));
        assertEquals(List.of("Alley of Honor", "Book of Honour", "Talks"), answer.getList("data.visit.agenda.title"));
        assertEquals(List.of("09:30:00", "10:00:00"), List.of(answer.getString("data.visit.agenda[0].startTime"),
                answer.getString("data.visit.agenda[2].startTime")));
        assertNull(answer.get("data.visit.agenda[1].startTime"));
        assertEquals(List.of("2024-04-25", "2024-04-26"), answer.getList("data.visit.awards.conferredOn"));
        assertEquals(v.host(), answer.getString("data.visit.awards[0].recipient.id"));
        assertEquals("Azerbaijan", answer.getString("data.visit.hostCountry.name"));
        assertEquals("Kazakhstan", answer.getString("data.visit.head.country.name"));
        assertEquals(v.full(), answer.getString("data.again.id"));
        assertTrue(answer.getMap("data.visit").containsKey("awards"));
    }

    @Test
    void nullsAndMissingVisitsAreAnsweredAsTheResolversAnswerThem() {
        Visits v = visits();
        JsonPath bare = sameAnswer("sql-visit", "id", v.bare(), "withAwards", false);
        assertNull(bare.get("data.visit.endDate"));
        assertNull(bare.get("data.visit.head"));
        assertEquals(List.of(), bare.getList("data.visit.agenda"));
        assertTrue(!bare.getMap("data.visit").containsKey("awards"));
        assertNull(sameAnswer("sql-visit", "id", "999999999", "withAwards", true).get("data.visit"));
        assertNull(sameAnswer("sql-visit", "id", "not-a-number", "withAwards", true).get("data.visit"));
    }

    @Test
    void pagesAreAnsweredBySqlAsTheResolversAnswerThem() {
        Visits v = visits();
        Map<String, Object> byTopic = Map.of("topic", v.topic());
        JsonPath page = sameAnswer("sql-visits", "filter", byTopic, "orderBy", "START_DATE_DESC", "first", 2);
        assertEquals(4, page.getInt("data.delegations.totalCount"));
        assertTrue(page.getBoolean("data.delegations.pageInfo.hasNextPage"));
        assertEquals(2, page.getList("data.delegations.nodes").size());
        assertEquals(v.full(), page.getString("data.oldest.nodes[0].id"));

        sameAnswer("sql-visits", "filter", byTopic, "orderBy", "START_DATE_ASC", "first", 10);
        sameAnswer("sql-visits", "filter", byTopic, "orderBy", "UPDATED_AT_DESC");
        sameAnswer("sql-visits", "filter", byTopic, "first", 0);
        sameAnswer("sql-visits", "filter", Map.of("topic", v.topic(), "hostCountry", "aze", "from", "2024-04-25"));
        sameAnswer("sql-visits", "filter", Map.of("topic", v.topic(), "country", "KAZ", "to", "2024-05-31",
                "status", "COMPLETED", "kind", "OFFICIAL_VISIT"));
        JsonPath found = sameAnswer("sql-visits", "filter", Map.of("text", v.word()));
        assertEquals(List.of(v.full()), found.getList("data.delegations.nodes.id"));
        sameAnswer("sql-visits", "filter", Map.of("text", "military " + v.word()), "orderBy", "RELEVANCE");
    }

    @Test
    void pagesAfterACursorAreAnsweredBySqlAsTheResolversAnswerThem() {
        Visits v = visits();
        Map<String, Object> byTopic = Map.of("topic", v.topic());
        // Cursors come from SQL for both paths (KeysetQuery.orderBy); each path reads the other's back.
        JsonPath cursors = sameAnswer("sql-visit-cursors", "filter", byTopic, "orderBy", "START_DATE_ASC", "first", 2);
        String after = cursors.getString("data.delegations.edges[1].cursor");
        assertEquals(after, cursors.getString("data.delegations.pageInfo.endCursor"));
        assertEquals(cursors.getString("data.delegations.edges[0].cursor"),
                cursors.getString("data.delegations.pageInfo.startCursor"));
        assertEquals(false, cursors.getBoolean("data.delegations.pageInfo.hasPreviousPage"));
        sameAnswer("sql-visit-cursors", "filter", byTopic, "orderBy", "START_DATE_DESC", "first", 3);
        sameAnswer("sql-visit-cursors", "filter", Map.of("topic", v.topic(), "from", "2030-01-01"), "first", 3); // none
        // Every order's cursors: a time of change and a relevance rank read back as the values compared.
        JsonPath byUpdate = sameAnswer("sql-visit-cursors", "filter", byTopic, "orderBy", "UPDATED_AT_DESC", "first", 2);
        sameAnswer("sql-visit-cursors", "filter", byTopic, "orderBy", "UPDATED_AT_DESC", "first", 2, "after",
                byUpdate.getString("data.delegations.pageInfo.endCursor"));
        Map<String, Object> byWords = Map.of("text", "military " + v.word());
        JsonPath byRank = sameAnswer("sql-visit-cursors", "filter", byWords, "orderBy", "RELEVANCE", "first", 1);
        JsonPath pastRank = sameAnswer("sql-visit-cursors", "filter", byWords, "orderBy", "RELEVANCE", "first", 1, "after",
                byRank.getString("data.delegations.pageInfo.endCursor"));
        assertEquals(List.of(), pastRank.getList("data.delegations.edges"));
        JsonPath following = sameAnswer("sql-visit-cursors", "filter", byTopic, "orderBy", "START_DATE_ASC", "first", 2,
                "after", after);
        assertEquals(true, following.getBoolean("data.delegations.pageInfo.hasPreviousPage"));
        assertEquals(following.getString("data.delegations.edges[0].cursor"),
                following.getString("data.delegations.pageInfo.startCursor"));
        JsonPath next = sameAnswer("sql-visits", "filter", byTopic, "orderBy", "START_DATE_ASC", "first", 2, "after", after);
        assertEquals(2, next.getList("data.delegations.nodes").size());
        assertTrue(!next.getList("data.delegations.nodes.id").contains(v.full()));
    }

    /** Lists in each list's own order (ListOrder): participants by name, a person's awards and visits latest first. */
    @Test
    void participantsAndAPersonsRecordsAreAnsweredBySqlAsTheResolversAnswerThem() {
        Visits v = visits();
        String query = "query($id: ID!) { delegation(id: $id) { agenda { title participants { id fullName } }"
                + " head { awardsReceived { id conferredOn delegation { id } } delegationsLed { id startDate } } } }";
        Response sql = post(false, query, Map.of("id", v.full()));
        assertEquals("sql", sql.header(SqlReads.HEADER), sql::asString);
        assertSameAnswer(post(true, query, Map.of("id", v.full())), sql, query);
        JsonPath answer = sql.jsonPath();
        assertEquals(List.of(v.head(), v.host()), answer.getList("data.delegation.agenda[2].participants.id"));
        assertEquals(List.of(v.award()), answer.getList("data.delegation.head.awardsReceived.id"));
        assertEquals(List.of(v.full()), answer.getList("data.delegation.head.delegationsLed.id"));
    }

    /** The records a press release drafted: viewers get null for each, editors see it; both paths agree. */
    @Test
    void draftsByIdAreForEditorsOnBothPaths() {
        String text = """
                BAKU, 25 April - A delegation led by the Chief of the General Staff of Kazakhstan, Major General \
                Sultan %s, arrived in Azerbaijan on an official visit. The guests laid a wreath at the Alley of Honor. \
                The sides signed a plan of bilateral military cooperation for 2025. Major General %s was awarded the \
                medal "For Military Cooperation".
                """.formatted(unique("Kamal"), "Sultan");
        JsonPath imported = ok("import-press-release", "input", Map.of("text", text, "publishedOn", "2024-04-25"));
        String root = "data.importPressRelease.";
        Map<String, String> drafted = new LinkedHashMap<>();
        drafted.put("delegation", imported.getString(root + "delegation.id"));
        drafted.put("agendaItem", imported.getString(root + "delegation.agenda[0].id"));
        drafted.put("award", imported.getString(root + "awards[0].id"));
        drafted.put("agreement", imported.getString(root + "agreements[0].id"));
        drafted.forEach((field, id) -> {
            assertTrue(id != null, () -> field + " not drafted: " + imported.prettify());
            String query = "query($id: ID!) { record: " + field + "(id: $id) { id version createdAt updatedAt } }";
            for (String role : List.of(Roles.VIEWER, Roles.EDITOR)) {
                Response sql = post(false, query, Map.of("id", id), role);
                assertEquals("sql", sql.header(SqlReads.HEADER), field);
                assertSameAnswer(post(true, query, Map.of("id", id), role), sql, field + " for a " + role);
                assertEquals(role.equals(Roles.EDITOR) ? id : null, sql.jsonPath().getString("data.record.id"), field);
            }
        });
    }

    /**
     * Records by node id, of every compiled type, in the order asked, null for ids that name nothing; fragments on the
     * Node interface apply to every type, inside a node and inside a visit alike.
     */
    @Test
    void nodesAreAnsweredBySqlAsTheResolversAnswerThem() {
        Visits v = visits();
        String visit = NodeIds.encode("Delegation", v.full());
        List<String> ids = List.of(visit, NodeIds.encode("Award", v.award()), NodeIds.encode("Agreement", v.agreement()),
                NodeIds.encode("AgendaItem", v.item()), NodeIds.encode("Person", v.head()), NodeIds.encode("Country", "AZE"),
                NodeIds.encode("Topic", v.topic()), NodeIds.encode("Delegation", "999999999"),
                NodeIds.encode("Delegation", "0" + v.full()), NodeIds.encode("Nothing", "1"), "not a node id", visit);
        String query = "query($id: ID!, $ids: [ID!]!, $visit: ID!) {"
                + " node(id: $id) { ... on Person { title: fullName } __typename ...F ... on Delegation { id title agenda { title } } }"
                + " nodes(ids: $ids) { __typename ...F ... on Award { name recipient { fullName } } ... on Country { code }"
                + " ... on Topic { slug label } ... on Person { fullName } ... on AgendaItem { kind } }"
                + " delegation(id: $visit) { ...F ... on Node { id: nodeId } }"
                + " topics { slug label } } fragment F on Node { nodeId }";
        Map<String, Object> variables = Map.of("id", visit, "ids", ids, "visit", v.full());
        for (String role : List.of(Roles.VIEWER, Roles.EDITOR)) {
            Response sql = post(false, query, variables, role);
            assertEquals("sql", sql.header(SqlReads.HEADER), sql::asString);
            assertSameAnswer(post(true, query, variables, role), sql, role);
            JsonPath answer = sql.jsonPath();
            assertEquals(visit, answer.getString("data.node.nodeId"));
            assertEquals(visit, answer.getString("data.delegation.id"));
            List<Map<String, Object>> nodes = answer.getList("data.nodes");
            List<Object> types = nodes.stream().map(node -> node == null ? null : node.get("__typename")).toList();
            assertEquals(List.of("Delegation", "Award", "Agreement", "AgendaItem", "Person", "Country", "Topic"),
                    types.subList(0, 7));
            assertEquals(Arrays.asList(null, null, null, null, "Delegation"), types.subList(7, 12));
            assertTrue(answer.getList("data.topics.slug").contains(v.topic()));
        }
    }

    @Test
    void countriesWithTheirTotalsAreAnsweredBySqlAsTheResolversAnswerThem() {
        visits();
        JsonPath countries = sameAnswer("sql-countries");
        List<String> codes = countries.getList("data.countries.code");
        int azerbaijan = codes.indexOf("AZE");
        assertTrue(countries.getInt("data.countries[" + azerbaijan + "].hostedCount") >= 3, countries::prettify);
        assertTrue(countries.getInt("data.countries[" + azerbaijan + "].awardsConferredCount") >= 1, countries::prettify);
        assertEquals(codes.size(), countries.getList("data.countries.name").stream().distinct().count());
    }

    @Test
    void statisticsAreAnsweredBySqlAsTheResolversAnswerThem() {
        Visits v = visits();
        JsonPath kazakhstan = sameAnswer("cooperation-stats", "country", "KAZ");
        List<String> years = kazakhstan.getList("data.cooperationStats.start");
        assertEquals(years.stream().sorted().toList(), years);
        int year2024 = years.indexOf("2024-01-01");
        assertTrue(kazakhstan.getInt("data.cooperationStats[" + year2024 + "].visitsMade") >= 3, kazakhstan::prettify);
        List<String> kinds = kazakhstan.getList("data.cooperationStats[" + year2024 + "].agendaItems.kind");
        assertTrue(kinds.indexOf("WREATH_LAYING") < kinds.indexOf("TALKS"), kinds::toString); // the enum's order

        JsonPath months = sameAnswer("cooperation-stats", "country", "kaz", "counterpart", "AZE", "interval", "MONTH",
                "from", "2024-03-15", "to", "2024-12-31");
        assertEquals(10, months.getList("data.cooperationStats").size());
        assertEquals("2024-03-01", months.getString("data.cooperationStats[0].start"));
        // No data at all (Palau: no test records a visit of it): every period of a closed range with zeros; none of an
        // open one.
        JsonPath empty = sameAnswer("cooperation-stats", "country", "PLW", "interval", "QUARTER", "from", "2024-02-01",
                "to", "2024-12-31");
        assertEquals(List.of("2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"),
                empty.getList("data.cooperationStats.start"));
        assertEquals(List.of(0, 0, 0, 0), empty.getList("data.cooperationStats.visitsMade"));
        assertEquals(List.of(), sameAnswer("cooperation-stats", "country", "PLW", "to", "2024-12-31")
                .getList("data.cooperationStats"));

        JsonPath trends = sameAnswer("topic-trends", "from", "2024-01-01", "to", "2024-12-31", "interval", "QUARTER");
        List<String> slugs = trends.getList("data.topicTrends.topic.slug");
        int topic = slugs.indexOf(v.topic());
        assertEquals(4, trends.getInt("data.topicTrends[" + topic + "].visits"), trends::prettify);
        assertEquals(4, trends.getList("data.topicTrends[" + topic + "].periods").size());
        List<Integer> visitCounts = trends.getList("data.topicTrends.visits");
        assertEquals(visitCounts.stream().sorted(Comparator.reverseOrder()).toList(), visitCounts);
        sameAnswer("topic-trends");

        JsonPath pairs = sameAnswer("country-pairs", "first", 100);
        List<String> ones = pairs.getList("data.countryPairs.one.code");
        List<String> others = pairs.getList("data.countryPairs.other.code");
        int kazAze = IntStream.range(0, ones.size()).filter(i -> ones.get(i).equals("AZE") && others.get(i).equals("KAZ"))
                .findFirst().orElseThrow();
        assertTrue(pairs.getInt("data.countryPairs[" + kazAze + "].otherVisitedOne") >= 3, pairs::prettify);
        sameAnswer("country-pairs", "from", "2024-04-01", "to", "2024-05-31", "first", 2);
        sameAnswer("country-pairs", "first", 0);
    }

    @Test
    void aRecordsHistoryIsAnsweredBySqlForAdminsAsTheResolversAnswerIt() {
        Visits v = visits();
        String query = "query($entity: String!, $id: ID!) { history(entity: $entity, id: $id) { __typename entity"
                + " entityId operation actor at before after } }";
        Response sql = post(false, query, Map.of("entity", "Delegation", "id", v.full()));
        Response resolvers = post(true, query, Map.of("entity", "Delegation", "id", v.full()));
        assertEquals("sql", sql.header(SqlReads.HEADER));
        assertSameAnswer(resolvers, sql, "history");
        assertEquals("CREATE", sql.jsonPath().getString("data.history[0].operation"));
        assertNull(sql.jsonPath().get("data.history[0].before"));
        assertTrue(sql.jsonPath().getString("data.history[0].after").contains("\"title\""), sql.asString());
        String deleted = delegation(delegationInput("KAZ", "UZB", "2024-07-01"));
        ok("delete-delegation", "id", deleted);
        JsonPath both = sameAnswer("history", "entity", "Delegation", "id", deleted);
        assertEquals(List.of("CREATE", "DELETE"), both.getList("data.history.operation"));
        assertEquals(List.of(), sameAnswer("history", "entity", "Topic", "id", "no-such-topic").getList("data.history"));

        // Refusals are the resolvers': a viewer is forbidden, an unknown entity is invalid.
        double refused = reads("resolvers", "refused");
        Response viewer = post(false, query, Map.of("entity", "Delegation", "id", v.full()), Roles.VIEWER);
        assertNull(viewer.header(SqlReads.HEADER));
        assertEquals("FORBIDDEN", viewer.jsonPath().getString("errors[0].extensions.code"), viewer.asString());
        assertEquals(refused + 1, reads("resolvers", "refused"));
        Response unknown = post(false, query, Map.of("entity", "Delegations", "id", v.full()));
        assertNull(unknown.header(SqlReads.HEADER));
        assertError(unknown.jsonPath(), "VALIDATION", "entity");
    }

    @Test
    void whatOnlyTheDataShowsToBeRefusedGetsTheResolversError() {
        // Tuvalu's visits span more than 1000 months: its monthly statistics are refused once the data is read.
        delegation(delegationInput("TUV", "NRU", "1901-06-01"));
        delegation(delegationInput("TUV", "NRU", "2024-06-01"));
        double refused = reads("resolvers", "refused");
        Response sql = request(false, "cooperation-stats", "country", "TUV", "interval", "MONTH");
        Response resolvers = request(true, "cooperation-stats", "country", "TUV", "interval", "MONTH");
        assertNull(sql.header(SqlReads.HEADER));
        assertError(sql.jsonPath(), "VALIDATION", "interval");
        assertSameAnswer(resolvers, sql, "refused by the data");
        assertEquals(refused + 1, reads("resolvers", "refused"));
        assertEquals(124, sameAnswer("cooperation-stats", "country", "TUV").getList("data.cooperationStats").size());
    }

    /** A root field selected twice under one response key: graphql-java merges the selections, so must the statement. */
    @Test
    void aRootFieldSelectedTwiceAnswersWithBothSelections() {
        Visits v = visits();
        String query = "query($id: ID!) { delegation(id: $id) { id } delegation(id: $id) { title members { role } }"
                + " country(code: \"aze\") { code } country(code: \"aze\") { name } }";
        Response sql = post(false, query, Map.of("id", v.full()));
        assertEquals("sql", sql.header(SqlReads.HEADER));
        assertSameAnswer(post(true, query, Map.of("id", v.full())), sql, query);
        assertEquals(v.full(), sql.jsonPath().getString("data.delegation.id"));
        assertEquals(2, sql.jsonPath().getList("data.delegation.members").size());
        assertEquals("Azerbaijan", sql.jsonPath().getString("data.country.name"));
    }

    @Test
    void aCountryByItsCodeInAnyCaseIsAnsweredBySqlAsTheResolversAnswerIt() {
        visits();
        String query = "query($code: String!) { country(code: $code) { __typename code name hostedCount } }";
        for (String code : List.of("aze", "AzE", "XYZ")) {
            Response sql = post(false, query, Map.of("code", code));
            Response resolvers = post(true, query, Map.of("code", code));
            assertEquals("sql", sql.header(SqlReads.HEADER), code);
            assertSameAnswer(resolvers, sql, code);
        }
        assertEquals("AZE", post(false, query, Map.of("code", "aze")).jsonPath().getString("data.country.code"));
        assertNull(post(false, query, Map.of("code", "XYZ")).jsonPath().get("data.country"));
    }

    /**
     * Many operations drawn at random over every compiled field (RandomOperations), each answered both ways: the same
     * JSON, keys in the same order, and from one statement. The seed of one that differs is in the message, to run it again.
     */
    @Test
    void randomOperationsOverTheCompiledFieldsGetTheSameAnswerBothWays() {
        Visits v = visits();
        String topic = "filter: { topic: \"" + v.topic() + "\" }";
        String visit = "\"" + v.full() + "\"";
        List<String> roots = List.of("delegation(id: " + visit + ")", "delegation(id: \"" + v.bare() + "\")",
                "delegations(" + topic + ", first: 3)", "delegations(" + topic + ", first: 2, orderBy: START_DATE_ASC)",
                "delegations(" + topic + ", first: 2, orderBy: UPDATED_AT_DESC)", "countries", "country(code: \"aze\")",
                "agendaItem(id: \"" + v.item() + "\")", "award(id: \"" + v.award() + "\")",
                "agreement(id: \"" + v.agreement() + "\")", "person(id: \"" + v.head() + "\")",
                "awards(filter: { delegationId: " + visit + " }, first: 1)",
                "agreements(filter: { delegationId: " + visit + " })",
                "persons(search: \"" + v.headName().toLowerCase() + "\", first: 2)", "persons(country: \"KAZ\", first: 3)",
                "topics", "cooperationStats(country: \"KAZ\", counterpart: \"AZE\")",
                "topicTrends(from: \"2024-01-01\", interval: QUARTER)", "countryPairs(first: 3)");
        for (long seed = 1; seed <= 150; seed++) {
            String query = new RandomOperations(seed, roots).next();
            assertNull(SqlSelectionProbe.refusal(query), "seed " + seed + ": " + query);
            Response sql = post(false, query, Map.of());
            Response resolvers = post(true, query, Map.of());
            assertNull(resolvers.jsonPath().get("errors"), "seed " + seed + ": " + resolvers.asString());
            assertEquals("sql", sql.header(SqlReads.HEADER), "seed " + seed + ": " + query);
            assertSameAnswer(resolvers, sql, "seed " + seed + ": " + query);
        }
    }

    @Test
    void whatSqlDoesNotCompileIsLeftToTheResolvers() {
        for (String query : List.of("{ pressReleaseImport(id: \"1\") { id } }",
                "{ delegations(first: 1) { nodes { id } } pressReleaseImports(first: 1) { nodes { id } } }",
                "{ __schema { queryType { name } } }")) {
            Response response = post(false, query, Map.of());
            assertNull(response.header(SqlReads.HEADER), query);
            assertNull(response.jsonPath().get("errors"), query);
        }
    }

    @Test
    void everyQueryIsCountedByItsPathAndTheResolversByWhy() {
        visits();
        double sql = reads("sql", "compiled");
        double notCompiled = reads("resolvers", "not-compiled");
        double forced = reads("resolvers", "forced");
        double refused = reads("resolvers", "refused");
        request(false, "sql-countries");
        post(false, "{ pressReleaseImport(id: \"1\") { id } }", Map.of());
        request(true, "sql-countries");
        post(false, "query($first: Int) { delegations(first: $first) { totalCount } }", Map.of("first", 101));
        assertEquals(sql + 1, reads("sql", "compiled"));
        assertEquals(notCompiled + 1, reads("resolvers", "not-compiled"));
        assertEquals(forced + 1, reads("resolvers", "forced"));
        assertEquals(refused + 1, reads("resolvers", "refused"));
        // Every series exists from the start (docs/deploy.md), so that a dashboard's rate() has one before the first.
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (SqlReads.Fallback why : SqlReads.Fallback.values()) {
            assertTrue(metrics.contains("attache_graphql_reads_total{path=\"resolvers\",reason=\"" + why.tag() + "\"}"),
                    why.tag());
        }
    }

    /** The count of attache_graphql_reads_total for a path and a reason (0 before the first). */
    private static double reads(String path, String reason) {
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^attache_graphql_reads_total\\{([^}]*)} (\\S+)").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("path=\"" + path + "\"") && line.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    @Test
    void refusedArgumentsGetTheResolversErrors() {
        String page = "query($filter: DelegationFilter, $orderBy: DelegationOrder, $first: Int) {"
                + " delegations(filter: $filter, orderBy: $orderBy, first: $first) { totalCount nodes { id } } }";
        List<Map<String, Object>> refused = List.of(Map.of("filter", Map.of("hostCountry", "XYZ")), Map.of("first", 101),
                Map.of("orderBy", "RELEVANCE"));
        List<List<String>> expected = List.of(List.of("NOT_FOUND", "filter.hostCountry"), List.of("VALIDATION", "first"),
                List.of("VALIDATION", "orderBy"));
        for (int i = 0; i < refused.size(); i++) {
            Response response = post(false, page, refused.get(i));
            assertNull(response.header(SqlReads.HEADER));
            assertError(response.jsonPath(), expected.get(i).get(0), expected.get(i).get(1));
            assertSameAnswer(post(true, page, refused.get(i)), response, page);
        }
    }

    @Test
    void callersWhoMayNotReadGetTheResolversErrors() {
        Map<String, Object> body = Map.of("query", document("sql-visit"), "variables",
                Map.of("id", visits().full(), "withAwards", true));
        Response anonymous = given().contentType(ContentType.JSON).body(body).when().post("/graphql");
        assertNull(anonymous.header(SqlReads.HEADER));
        assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("errors[0].extensions.code"));
        Response viewer = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token(Roles.VIEWER))
                .body(body).when().post("/graphql");
        assertEquals("sql", viewer.header(SqlReads.HEADER));
    }

    /** Runs the document both ways; the answers must be equal and the first must have come from SQL. */
    private static JsonPath sameAnswer(String name, Object... variables) {
        Response sql = request(false, name, variables);
        Response resolvers = request(true, name, variables);
        assertEquals("sql", sql.header(SqlReads.HEADER), () -> sql.asString());
        assertNull(resolvers.header(SqlReads.HEADER));
        assertNull(resolvers.jsonPath().get("errors"), resolvers::asString);
        assertSameAnswer(resolvers, sql, name);
        return sql.jsonPath();
    }

    /** The same JSON both ways, and its keys in the resolvers' order, as clients reading them in order see it. */
    private static void assertSameAnswer(Response resolvers, Response sql, String what) {
        assertEquals(resolvers.jsonPath().getMap("$"), sql.jsonPath().getMap("$"), what);
        assertEquals(inOrder(resolvers), inOrder(sql), what + ": the keys in the resolvers' order");
    }

    /** The answer with its keys in the order written, PostgreSQL's spacing aside. */
    private static String inOrder(Response response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.asString()))) {
            return reader.readValue().toString();
        }
    }

    private static Response request(boolean resolvers, String name, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        return post(resolvers, document(name), values);
    }

    private static Response post(boolean resolvers, String query, Map<String, Object> variables) {
        return post(resolvers, query, variables, Roles.ADMIN);
    }

    private static Response post(boolean resolvers, String query, Map<String, Object> variables, String role) {
        RequestSpecification request = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token(role))
                .body(Map.of("query", query, "variables", variables));
        if (resolvers) {
            request.header(SqlReads.HEADER, "resolvers");
        }
        return request.when().post("/graphql").then().statusCode(200).extract().response();
    }
}
