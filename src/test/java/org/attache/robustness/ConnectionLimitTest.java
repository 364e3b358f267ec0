package org.attache.robustness;

import static org.attache.GraphQL.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.attache.GraphQL;
import org.attache.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The documented limits are the real ones: as many requests reach the database at once as the pool has connections,
 * whatever the CPU count; the rest wait for a connection, show in agroal_awaiting_count, and give up with UNAVAILABLE
 * after the acquisition timeout.
 */
@QuarkusTest
class ConnectionLimitTest {

    @Test
    void requestsBeyondThePoolWaitForAConnectionThenGetUnavailable() throws Exception {
        int pool = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class)
                .orElse("postgres");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String name = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName",
                String.class);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection lock = DriverManager.getConnection(url, user, password);
                Connection watch = DriverManager.getConnection(url, user, password)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE delegation IN ACCESS EXCLUSIVE MODE");
            List<CompletableFuture<JsonPath>> requests = new ArrayList<>();
            for (int i = 0; i < pool + 4; i++) {
                // The resolvers: each request holds its connection while it waits for the lock. (java.net.http:
                // RestAssured's client opens at most two connections to a host.)
                requests.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + GraphQL.token(Roles.VIEWER))
                        .header("Attache-Execution", "resolvers")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ delegations { totalCount } }\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).thenApply(response -> new JsonPath(response.body())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int waiting = 0;
            while (System.nanoTime() < deadline && waiting < pool) {
                // Not from the locking transaction: PostgreSQL keeps one snapshot of pg_stat_activity per transaction.
                try (ResultSet sessions = watch.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = '" + name.replace("'", "''") + "' AND wait_event_type = 'Lock'")) {
                    sessions.next();
                    waiting = sessions.getInt(1);
                }
                Thread.sleep(50);
            }
            assertEquals(pool, waiting, () -> "every pooled connection should be in use, one request each");
            assertTrue(awaiting() > 0, "requests beyond the pool wait for a connection, and the metric says so");

            // The acquisition timeout ends the waits of the requests beyond the pool.
            Duration timeout = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.acquisition-timeout",
                    Duration.class);
            Thread.sleep(timeout.toMillis() + 1000);
            long unavailable = requests.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                    .filter(answer -> "UNAVAILABLE".equals(answer.getString("errors[0].extensions.code"))).count();
            assertEquals(4, unavailable, "the requests beyond the pool give up after the acquisition timeout");
            lock.rollback();
            for (CompletableFuture<JsonPath> request : requests) {
                request.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static double awaiting() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("agroal_awaiting_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).max().orElse(0);
    }
}
