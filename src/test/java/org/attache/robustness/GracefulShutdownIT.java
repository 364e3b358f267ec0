package org.attache.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.attache.Fixtures;
import org.attache.PackagedApp;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A scale-down or a rolling update stops a replica with SIGTERM. Readiness turns DOWN at once, so that the load
 * balancer routes elsewhere, while requests are still served for the shutdown delay; a request still in flight after
 * that finishes, and is committed, before the process exits. The test starts the packaged application itself (the
 * native executable when it is the newer build) to be able to signal it.
 */
class GracefulShutdownIT {

    private static final int HTTP_PORT = 8093;
    private static final int MANAGEMENT_PORT = 9093;
    private static final long DELAY_MS = 2000;

    @Test
    void sigtermDrainsTrafficThenLetsRequestsInFlightFinish() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
            try (PackagedApp app = PackagedApp.start("graceful-shutdown", url, HTTP_PORT, MANAGEMENT_PORT,
                    Map.of("ATTACHE_SHUTDOWN_DELAY", DELAY_MS + "ms"))) {
                String person = app.graphQL("create-person", Map.of("input", Fixtures.personInput("Zaur Karimov", "AZE")))
                        .getString("data.createPerson.id");
                Map<String, Object> promoted = Fixtures.personInput("Zaur Karimov", "AZE");
                promoted.put("rank", "Major General");

                try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
                    // Hold the person's row: the update below waits for it inside the service, in flight.
                    lock.setAutoCommit(false);
                    lock.createStatement().execute("SELECT 1 FROM person WHERE id = " + Long.parseLong(person) + " FOR UPDATE");
                    CompletableFuture<JsonPath> inFlight = CompletableFuture.supplyAsync(() -> app.graphQL("update-person",
                            Map.of("id", person, "input", promoted, "expectedVersion", 0)));
                    Thread.sleep(500);
                    assertFalse(inFlight.isDone(), "the update should be waiting for the row lock");

                    app.process().destroy(); // SIGTERM
                    long signalled = System.nanoTime();
                    app.awaitReadiness(503, Duration.ofMillis(DELAY_MS));
                    // Still serving while the load balancer notices.
                    assertNull(app.graphQL("topics", Map.of()).get("errors"));
                    assertTrue(System.nanoTime() - signalled < TimeUnit.MILLISECONDS.toNanos(DELAY_MS),
                            "readiness should turn DOWN well within the delay");

                    Thread.sleep(DELAY_MS + 1000); // past the delay: the server now only finishes what it holds
                    assertFalse(inFlight.isDone());
                    lock.rollback();

                    JsonPath answer = inFlight.get(15, TimeUnit.SECONDS);
                    assertNull(answer.get("errors"), answer::prettify);
                    assertEquals("Major General", answer.getString("data.updatePerson.rank"));
                }
                assertTrue(app.process().waitFor(20, TimeUnit.SECONDS), "the process should exit after its requests finish");
                try (Connection check = DriverManager.getConnection(url, "postgres", "");
                        ResultSet rank = check.createStatement().executeQuery("SELECT rank FROM person WHERE id = " + person)) {
                    assertTrue(rank.next());
                    assertEquals("Major General", rank.getString(1), "the finished request was committed");
                }
            }
        }
    }

    @Test
    void shutdownEndsWithinDelayPlusTimeoutEvenWithAStatementThatWouldWaitLonger() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
            try (PackagedApp app = PackagedApp.start("bounded-shutdown", url, HTTP_PORT, MANAGEMENT_PORT,
                    Map.of("ATTACHE_SHUTDOWN_DELAY", "1s", "ATTACHE_SHUTDOWN_TIMEOUT", "2s"))) {
                String person = app.graphQL("create-person", Map.of("input", Fixtures.personInput("Zaur Karimov", "AZE")))
                        .getString("data.createPerson.id");
                try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
                    // A lock held for longer than the whole shutdown may take.
                    lock.setAutoCommit(false);
                    lock.createStatement().execute("SELECT 1 FROM person WHERE id = " + Long.parseLong(person) + " FOR UPDATE");
                    Map<String, Object> promoted = Fixtures.personInput("Zaur Karimov", "AZE");
                    promoted.put("rank", "Major General"); // a change: an update that changes nothing takes no lock
                    CompletableFuture<JsonPath> inFlight = CompletableFuture.supplyAsync(() -> app.graphQL("update-person",
                            Map.of("id", person, "input", promoted, "expectedVersion", 0)));
                    Thread.sleep(500);
                    assertFalse(inFlight.isDone(), "the update should be waiting for the row lock");

                    long signalled = System.nanoTime();
                    app.process().destroy(); // SIGTERM
                    assertTrue(app.process().waitFor(15, TimeUnit.SECONDS), "the process should exit");
                    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
                    // 1 s delay + 2 s timeout, and a little for stopping; the socket timeout would be 60 s.
                    assertTrue(tookMs < 6000, "shutdown took " + tookMs + " ms");
                    try {
                        JsonPath answer = inFlight.get(5, TimeUnit.SECONDS);
                        assertEquals("UNAVAILABLE", answer.getString("errors[0].extensions.code"), answer::prettify);
                    } catch (java.util.concurrent.ExecutionException closedWithoutAnswer) {
                        // The connection may close before the answer is written: what matters is that it ended.
                    }
                    lock.rollback();
                }
            }
        }
    }
}
