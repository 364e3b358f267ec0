package org.attache.robustness;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.document;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.attache.Fixtures;
import org.attache.security.Roles;
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
            Process app = start(url);
            try {
                awaitReady(app);
                String person = graphQL("create-person", Map.of("input", Fixtures.personInput("Zaur Karimov", "AZE")))
                        .getString("data.createPerson.id");
                Map<String, Object> promoted = Fixtures.personInput("Zaur Karimov", "AZE");
                promoted.put("rank", "Major General");

                try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
                    // Hold the person's row: the update below waits for it inside the service, in flight.
                    lock.setAutoCommit(false);
                    lock.createStatement().execute("SELECT 1 FROM person WHERE id = " + Long.parseLong(person) + " FOR UPDATE");
                    CompletableFuture<JsonPath> inFlight = CompletableFuture.supplyAsync(() -> graphQL("update-person",
                            Map.of("id", person, "input", promoted, "expectedVersion", 0)));
                    Thread.sleep(500);
                    assertFalse(inFlight.isDone(), "the update should be waiting for the row lock");

                    app.destroy(); // SIGTERM
                    long signalled = System.nanoTime();
                    awaitReadiness(503);
                    // Still serving while the load balancer notices.
                    assertNull(graphQL("topics", Map.of()).get("errors"));
                    assertTrue(System.nanoTime() - signalled < TimeUnit.MILLISECONDS.toNanos(DELAY_MS),
                            "readiness should turn DOWN well within the delay");

                    Thread.sleep(DELAY_MS + 1000); // past the delay: the server now only finishes what it holds
                    assertFalse(inFlight.isDone());
                    lock.rollback();

                    JsonPath answer = inFlight.get(15, TimeUnit.SECONDS);
                    assertNull(answer.get("errors"), answer::prettify);
                    assertEquals("Major General", answer.getString("data.updatePerson.rank"));
                }
                assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the process should exit after its requests finish");
                try (Connection check = DriverManager.getConnection(url, "postgres", "");
                        ResultSet rank = check.createStatement().executeQuery("SELECT rank FROM person WHERE id = " + person)) {
                    assertTrue(rank.next());
                    assertEquals("Major General", rank.getString(1), "the finished request was committed");
                }
            } finally {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(String url) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Path executable = Path.of(System.getProperty("native.image.path", "target/none"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(executable)
                && (!Files.exists(jar) || Files.getLastModifiedTime(executable).compareTo(Files.getLastModifiedTime(jar)) > 0)) {
            command.add(executable.toString());
        } else {
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/graceful-shutdown.log"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(HTTP_PORT));
        env.put("ATTACHE_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        env.put("ATTACHE_JWT_PUBLIC_KEY_LOCATION", Path.of("src/dev/jwt/public-key.pem").toAbsolutePath().toString());
        env.put("ATTACHE_JWT_ISSUER", "attache-dev");
        env.put("ATTACHE_SHUTDOWN_DELAY", DELAY_MS + "ms");
        return builder.start();
    }

    private static void awaitReady(Process app) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            assertTrue(app.isAlive(), "the application exited; see target/graceful-shutdown.log");
            try {
                if (given().port(MANAGEMENT_PORT).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready after 60 s; see target/graceful-shutdown.log");
    }

    private static void awaitReadiness(int status) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            if (given().port(MANAGEMENT_PORT).get("/q/health/ready").statusCode() == status) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("readiness never answered " + status);
    }

    private static JsonPath graphQL(String name, Map<String, Object> variables) {
        return given().port(HTTP_PORT).header("Authorization", "Bearer " + token(Roles.ADMIN))
                .contentType("application/json").accept("application/json")
                .body(Map.of("query", document(name), "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
    }
}
