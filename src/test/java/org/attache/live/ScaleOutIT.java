package org.attache.live;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import jakarta.json.JsonObject;

import org.attache.Fixtures;
import org.attache.PackagedApp;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two replicas of the packaged application on one PostgreSQL, as behind a load balancer: a subscriber on one hears
 * changes committed through the other, and changes committed by any other process straight in the database (SQL, a
 * NOTIFY); a rolled-back change is never heard. The subscription also survives the replica losing its listening
 * connection.
 */
class ScaleOutIT {

    @Test
    void changesCommittedAnywhereReachSubscribersOnEveryReplica() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
            try (PackagedApp a = PackagedApp.start("replica-a", url, 8094, 9094, Map.of("ATTACHE_SHUTDOWN_DELAY", "4s"));
                    PackagedApp b = PackagedApp.start("replica-b", url, 8095, 9095, Map.of());
                    LiveClient client = new LiveClient(new URL("http://localhost:8094/graphql"), token(Roles.VIEWER));
                    Connection sql = DriverManager.getConnection(url, "postgres", "")) {
                LiveClient.Events events = client.subscribe("delegation-changed", "filter", Map.of("country", "KAZ"));
                awaitSubscriptions(9094, 1);

                // Through the other replica.
                String visit = b
                        .graphQL("create-delegation", Map.of("input", Fixtures.delegationInput("KAZ", "AZE", "2024-04-25")))
                        .getString("data.createDelegation.id");
                JsonObject created = events.next().getData().getJsonObject("delegationChanged");
                assertEquals("CREATED", created.getString("change"));
                assertEquals(visit, created.getString("id"));

                // Straight in the database, by another process: committed, then rolled back.
                try (Statement statement = sql.createStatement()) {
                    statement.execute(
                            "UPDATE delegation SET title = 'Renamed in SQL', version = version + 1 WHERE id = " + visit);
                    JsonObject renamed = events.next().getData().getJsonObject("delegationChanged");
                    assertEquals("UPDATED", renamed.getString("change"));
                    assertEquals("Renamed in SQL", renamed.getJsonObject("delegation").getString("title"));

                    sql.setAutoCommit(false);
                    statement.execute(
                            "UPDATE delegation SET title = 'Never committed', version = version + 1 WHERE id = " + visit);
                    sql.rollback();
                    assertNull(events.none(Duration.ofSeconds(1)), "a rolled-back change is never announced");

                    // Two updates of one visit in one transaction: announced once, at commit, with the final state.
                    statement.execute("UPDATE delegation SET version = version + 1 WHERE id = " + visit);
                    statement.execute(
                            "UPDATE delegation SET title = 'Twice in one transaction', version = version + 1 WHERE id = "
                                    + visit);
                    sql.commit();
                    sql.setAutoCommit(true);
                    JsonObject twice = events.next().getData().getJsonObject("delegationChanged");
                    assertEquals("Twice in one transaction", twice.getJsonObject("delegation").getString("title"));
                    assertNull(events.none(Duration.ofSeconds(1)), "one event for the transaction");

                    // A bare NOTIFY on the channel (ids only) is a change like any other; a malformed one is ignored.
                    statement.execute("NOTIFY attache_changes, 'not a change'");
                    statement.execute("SELECT pg_notify('attache_changes', '{\"entity\":\"delegation\",\"change\":\"UPDATED\","
                            + "\"id\":" + visit + ",\"visits\":[" + visit + "],\"countries\":[\"KAZ\",\"AZE\"]}')");
                    JsonObject notified = events.next().getData().getJsonObject("delegationChanged");
                    assertEquals(visit, notified.getString("id"));
                    assertEquals("Twice in one transaction", notified.getJsonObject("delegation").getString("title"));

                    // The listening connections are cut: replica A is not ready until it listens again, and the
                    // subscription it holds goes on.
                    statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name = 'attache-change-feed'");
                }
                a.awaitReadiness(503, Duration.ofSeconds(30));
                a.awaitReadiness(200, Duration.ofSeconds(30));
                b.graphQL("delete-delegation", Map.of("id", visit));
                JsonObject deleted = events.next().getData().getJsonObject("delegationChanged");
                assertEquals("DELETED", deleted.getString("change"));
                assertEquals(visit, deleted.getString("id"));

                // A replica that stops tells its clients to go away as its readiness turns DOWN, not when it exits.
                a.process().destroy();
                Object ended = events.ended(Duration.ofSeconds(2));
                assertTrue(String.valueOf(ended).contains("1001"), "closed with 1001: " + ended);
                assertTrue(a.process().isAlive(), "still in its shutdown delay");
            }
        }
    }

    private static void awaitSubscriptions(int managementPort, int expected) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String metrics = given().port(managementPort).get("/q/metrics").then().statusCode(200).extract().asString();
            if (metrics.lines().anyMatch(line -> line.equals("attache_graphql_subscriptions " + (double) expected))) {
                return;
            }
            Thread.sleep(25);
        }
        fail("the subscription was not attached on replica " + managementPort);
    }
}
