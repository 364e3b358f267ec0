package org.attache.engine;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.token;
import static org.attache.engine.ObservabilityTest.metrics;
import static org.attache.engine.ObservabilityTest.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.attache.Fixtures;
import org.attache.security.Roles;
import org.attache.sqlread.SqlReads;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The operator's switches for telemetry: tracing on, and a small cap on operation names in the metrics. */
@QuarkusTest
@TestProfile(TelemetryTest.Traced.class)
class TelemetryTest {

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "10ms",
                    "attache.metrics.max-operation-names", "5");
        }
    }

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("graphql.operation.name");

    @Inject
    InMemorySpanExporter exported;

    @Test
    void aRequestIsOneTraceHoldingItsOperationAndItsSqlStatements() throws InterruptedException {
        String name = "Traced" + Fixtures.unique("op").replace("-", "");
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        ok("add-agenda-item", "delegationId", visit, "input", Fixtures.agendaInput("MEETING", "Talks", "2024-04-25"));
        // The resolvers: the agenda is fetched by a batched resolver on another worker than the page.
        given().contentType("application/json").header("Authorization", "Bearer " + token(Roles.ADMIN))
                .header(SqlReads.HEADER, "resolvers")
                .body(Map.of("query", "query " + name + " { delegations(first: 3) { nodes { title agenda { title } } } }"))
                .when().post("/graphql").then().statusCode(200);

        SpanData request = spanOf(name);
        assertEquals(SpanKind.SERVER, request.getKind());
        assertEquals("query", request.getAttributes().get(AttributeKey.stringKey("graphql.operation.type")));

        String trace = request.getTraceId();
        List<SpanData> sql = exported.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(trace) && span.getKind() == SpanKind.CLIENT)
                .filter(span -> "postgresql".equals(span.getAttributes().get(AttributeKey.stringKey("db.system"))))
                .toList();
        // The page and the agenda, fetched by a batched resolver on another worker: both within the request's trace.
        assertEquals(Set.of("delegation", "agenda_item"),
                sql.stream().map(span -> span.getAttributes().get(AttributeKey.stringKey("db.sql.table")))
                        .collect(Collectors.toSet()),
                () -> "SQL spans: " + sql);
        Set<String> inTrace = exported.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(trace))
                .map(SpanData::getSpanId).collect(Collectors.toSet());
        assertTrue(sql.stream().allMatch(span -> inTrace.contains(span.getParentSpanId())));
        assertFalse(sql.stream().anyMatch(span -> span.getStartEpochNanos() < request.getStartEpochNanos()));
    }

    @Test
    void thePeersQ2ShapeIsOneStatementWhateverThePageSize() throws InterruptedException {
        String q2 = " { delegations(filter: { hostCountry: \"AZE\" }, orderBy: START_DATE_ASC, first: %d) { totalCount nodes {"
                + " id title startDate endDate head { id fullName rank } visitingCountry { code name }"
                + " agenda { id kind title date startTime location } awards { id name conferredOn recipient { id fullName } } } } }";
        post("query Warm" + String.format(q2, 1)); // the host country into the second-level cache
        for (int first : List.of(5, 50)) {
            String name = "OneStatement" + first + Fixtures.unique("op").replace("-", "");
            post("query " + name + String.format(q2, first));
            String trace = spanOf(name).getTraceId();
            // OpenTelemetry's JDBC instrumentation records every statement: exactly one ran, for every table.
            List<SpanData> sql = exported.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(trace) && span.getKind() == SpanKind.CLIENT)
                    .toList();
            assertEquals(1, sql.size(), () -> "SQL spans: " + sql);
            String statement = sql.get(0).getAttributes().get(AttributeKey.stringKey("db.statement"));
            for (String table : List.of("from delegation e", "from person", "from country", "from agenda_item", "from award")) {
                assertTrue(statement.contains(table), () -> table + " in " + statement);
            }
        }
    }

    @Test
    void aCallersTraceIsContinued() throws InterruptedException {
        String name = "Continued" + Fixtures.unique("op").replace("-", "");
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        given().header("traceparent", "00-" + trace + "-" + callerSpan + "-01")
                .header("Authorization", "Bearer " + token(Roles.VIEWER))
                .contentType("application/json").body(Map.of("query", "query " + name + " { topics { slug } }"))
                .when().post("/graphql").then().statusCode(200);

        SpanData request = spanOf(name);
        assertEquals(trace, request.getTraceId());
        assertEquals(callerSpan, request.getParentSpanId());
    }

    /** The finished request span of the operation with this name (spans are exported in batches, a moment later). */
    private SpanData spanOf(String operation) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var span = exported.getFinishedSpanItems().stream()
                    .filter(s -> operation.equals(s.getAttributes().get(OPERATION))).findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span carries the operation name " + operation);
    }

    @Test
    void operationNamesPastTheCapAreCountedAsOther() {
        String prefix = "Flood" + Fixtures.unique("n").replace("-", "");
        for (int i = 0; i < 8; i++) {
            post("query " + prefix + i + " { topics { slug } }");
        }
        String metrics = metrics();
        assertEquals(0, operations(metrics, prefix + 7, "query", "success"));
        assertTrue(operations(metrics, OperationMetrics.OTHER, "query", "success") >= 3, metrics);
        long names = metrics.lines().filter(l -> l.startsWith("attache_graphql_operations_seconds_count{"))
                .map(l -> l.replaceAll(".*operation=\"([^\"]*)\".*", "$1")).distinct().count();
        assertTrue(names <= 5 + 2, "names: " + names); // the cap, plus "anonymous" and "other"
        // With tracing on, the histogram's samples link to the traces that produced them.
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("attache_graphql_operations_seconds_bucket{")
                && l.contains("trace_id=")), "exemplars");
    }
}
