package org.attache.engine;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.management;
import static org.attache.GraphQL.post;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.attache.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What an operator scrapes and probes: /q/metrics in Prometheus format and the health endpoints. */
@QuarkusTest
class ObservabilityTest {

    static String metrics() {
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The count of one operation series, 0 when it does not exist yet (an exemplar may follow the value). */
    static double operations(String metrics, String operation, String type, String outcome) {
        Matcher line = Pattern.compile("(?m)^attache_graphql_operations_seconds_count\\{([^}]*)} (\\S+)").matcher(metrics);
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("operation=\"" + operation + "\"") && labels.contains("type=\"" + type + "\"")
                    && labels.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    @Test
    void everyOperationIsTimedByNameTypeAndOutcome() {
        String name = "Dashboard" + Fixtures.unique("q").replace("-", "");
        String before = metrics();

        post("query " + name + " { topics { slug } }");
        post("query " + name + " { topics { slug } }");
        post("query " + name + " { delegations(first: 1000) { totalCount } }"); // past the page cap: a field error
        post("query " + name + " { noSuchField }"); // invalid: never executed
        String aliases = IntStream.range(0, 31).mapToObj(i -> "a" + i + ": topics { slug }").collect(Collectors.joining(" "));
        assertEquals("TOO_MANY_ALIASES", post("query " + name + " { " + aliases + " }").getString("errors[0].extensions.code"));
        // Refused before the engine runs them: a syntax error and a document past the token limit.
        assertEquals("GRAPHQL_PARSE_FAILED",
                post("query " + name + " { topics { slug }").getString("errors[0].extensions.code"));
        assertEquals("QUERY_TOO_LARGE", post("query " + name + " { " + "topics { slug } ".repeat(1300) + "}")
                .getString("errors[0].extensions.code"));
        post("mutation " + name + " { createTopic(input: {slug: \"" + name.toLowerCase() + "\", label: \"L\"}) { slug } }");
        post("{ topics { slug } }");

        String after = metrics();
        assertEquals(2, operations(after, name, "query", "success"), after);
        assertEquals(1, operations(after, name, "query", "error"));
        // the invalid one, the one over a limit, the unparseable one and the one too large to parse
        assertEquals(4, operations(after, name, "unknown", "rejected"));
        assertEquals(1, operations(after, name, "mutation", "success"));
        assertTrue(operations(after, "anonymous", "query", "success") > operations(before, "anonymous", "query", "success"));
        // A latency histogram for quantiles, not only a count.
        assertTrue(after.lines().anyMatch(l -> l.startsWith("attache_graphql_operations_seconds_bucket{")
                && l.contains("operation=\"" + name + "\"") && l.contains("le=\"0.1\"")), after);
    }

    @Test
    void webSocketClosesAreCountedFromZero() {
        String metrics = metrics();
        for (int code : List.of(1001, 1008, 4008, 4400, 4403, 4406, 4408)) {
            assertTrue(metrics.contains("attache_graphql_websocket_closed_total{code=\"" + code + "\"}"), "code " + code);
        }
    }

    @Test
    void metricsCoverHttpJvmAndTheConnectionPool() {
        post("{ countries { code } }");
        String metrics = metrics();
        for (String family : new String[] { "http_server_requests_seconds_count", "agroal_active_count",
                "agroal_available_count", "agroal_awaiting_count", "process_uptime_seconds", "jvm_threads_live_threads" }) {
            assertTrue(metrics.contains(family), () -> family + " missing from /q/metrics");
        }
        // Memory and GC families come from the JVM's management beans, which a native executable has fewer of.
        if (!Boolean.getBoolean("attache-tests.native")) {
            assertTrue(metrics.contains("jvm_memory_used_bytes") && metrics.contains("jvm_gc_overhead"));
        }
        assertTrue(metrics.contains("uri=\"/graphql\""), "per-endpoint HTTP timings");
    }

    @Test
    void readinessChecksTheDatabaseAndLivenessDoesNot() {
        management().when().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"), "checks.name", hasItem("Database connections health check"));
        management().when().get("/q/health/live").then().statusCode(200)
                .body("status", is("UP"), "checks.name", not(hasItem("Database connections health check")));
        management().when().get("/q/health/started").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void metricsAndProbesAreOnTheManagementPortOnlyAndNeedNoToken() {
        management().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().contentType("application/json").body(Map.of("query", "{ topics { slug } }"))
                .when().post("/graphql").then().statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
    }
}
