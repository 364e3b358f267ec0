package org.attache.robustness;

import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.management;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.run;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * While PostgreSQL is down, requests fail fast with UNAVAILABLE and readiness is DOWN while liveness stays UP; once it
 * is back, the same running service serves again, and every write it acknowledged before the outage is there.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** docs/api.md's bound: 3 s waiting for a pooled connection plus 3 s opening one (application.properties). */
    private static final Duration FAIL_FAST = Duration.ofSeconds(6);

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDatabase.class));
        }
    }

    @Test
    void outageIsReportedAndSurvivedWithoutLosingAcknowledgedWrites() throws InterruptedException {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(delegation(delegationInput("KAZ", "AZE", "2024-04-2" + i)));
        }

        StoppableDatabase.stopServer();
        try {
            // Enough requests to use up the pool's dead connections and then try new ones, each answered in time.
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                assertError(i % 2 == 0 ? run("delegation", "id", acknowledged.get(0))
                        : run("create-delegation", "input", delegationInput("KAZ", "AZE", "2024-05-01")), "UNAVAILABLE", null);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(FAIL_FAST) < 0, "request " + i + " took " + took);
            }

            // Probes come every few seconds for the whole outage: they must not log a line each.
            List<LogRecord> logged = new CopyOnWriteArrayList<>();
            Handler capture = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getLevel().intValue() >= Level.INFO.intValue()
                            && record.getLoggerName().startsWith("io.smallrye.health")) {
                        logged.add(record);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger.getLogger("").addHandler(capture);
            try {
                for (int i = 0; i < 3; i++) {
                    management().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
                }
            } finally {
                Logger.getLogger("").removeHandler(capture);
            }
            assertEquals(List.of(), logged.stream().map(LogRecord::getMessage).toList());
            management().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        } finally {
            StoppableDatabase.startServer();
        }

        JsonPath recovered = awaitRecovery();
        assertEquals(acknowledged.get(0), recovered.getString("data.delegation.id"));
        for (String id : acknowledged) {
            assertEquals(id, ok("delegation", "id", id).getString("data.delegation.id"), "acknowledged write lost");
        }
        // Nothing from the refused write appeared.
        assertEquals(acknowledged.size(),
                post("{ delegations(first: 0) { totalCount } }").getInt("data.delegations.totalCount"));
        awaitReadiness();
        delegation(delegationInput("KAZ", "AZE", "2024-06-01"));
    }

    /** The change feed reconnects on its own schedule (a retry a second), so readiness may trail the first answers. */
    private void awaitReadiness() throws InterruptedException {
        for (int attempt = 0; attempt < 40; attempt++) {
            if (management().when().get("/q/health/ready").statusCode() == 200) {
                management().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 10 s: " + management().when().get("/q/health/ready").asString());
    }

    /** Pooled connections to the old server are dead; the first requests may still meet one, then the pool renews. */
    private JsonPath awaitRecovery() throws InterruptedException {
        JsonPath last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            last = run("delegation", "id", "1");
            if (last.get("errors") == null) {
                return last;
            }
            assertEquals("UNAVAILABLE", last.getString("errors[0].extensions.code"), last::prettify);
            Thread.sleep(500);
        }
        throw new AssertionError("no recovery within 30 s: " + last.prettify());
    }
}
