package org.attache.live;

import static org.attache.GraphQL.management;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.attache.Fixtures;
import org.attache.GraphQL;
import org.attache.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.websocket.WebsocketSubprotocol;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Live changes through the real WebSocket endpoint, with the SmallRye GraphQL client over graphql-transport-ws (the
 * token in connection_init), as a dashboard written in Java would subscribe. Changes are made through the API, over
 * HTTP, and each test waits until its subscriptions are attached (the subscriptions gauge) before changing anything.
 */
@QuarkusTest
class SubscriptionTest {

    private static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URL graphql;

    /**
     * Each test counts its own subscriptions on the server's gauge: one that an earlier test closed may still be
     * detaching, and would hide a new one from that count.
     */
    @BeforeEach
    void noSubscriptionLeftOver() throws InterruptedException {
        awaitActive(0);
    }

    @Test
    void aVisitCreatedUpdatedAndDeletedReachesItsSubscriberWithItsCurrentState() throws Exception {
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events events = attached(() -> client.subscribe("delegation-changed"));
            String head = Fixtures.person("Bakhtiyar Ibrayev", "KAZ");
            String member = Fixtures.person("Nurlan Baimukhanov", "KAZ");
            Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
            input.put("headId", head);
            input.put("members", List.of(Map.of("personId", member, "role", "Deputy")));
            String id = Fixtures.delegation(input);

            JsonObject created = event(events.next(), "delegationChanged");
            assertEquals("CREATED", created.getString("change"));
            assertEquals(id, created.getString("id"));
            JsonObject visit = created.getJsonObject("delegation");
            assertEquals(input.get("title"), visit.getString("title"));
            assertEquals("AZE", visit.getJsonObject("hostCountry").getString("code"));
            // Nested fields are resolved for the event like for a query (batched resolvers included).
            assertEquals("Bakhtiyar Ibrayev", visit.getJsonObject("head").getString("fullName"));
            assertEquals("Nurlan Baimukhanov",
                    visit.getJsonArray("members").getJsonObject(0).getJsonObject("person").getString("fullName"));

            input.put("title", "Official visit of the Kazakh delegation");
            ok("update-delegation", "id", id, "input", input, "expectedVersion", 0);
            JsonObject updated = event(events.next(), "delegationChanged");
            assertEquals("UPDATED", updated.getString("change"));
            assertEquals("Official visit of the Kazakh delegation", updated.getJsonObject("delegation").getString("title"));
            assertEquals(1, updated.getJsonObject("delegation").getInt("version"));

            ok("delete-delegation", "id", id);
            JsonObject deleted = event(events.next(), "delegationChanged");
            assertEquals("DELETED", deleted.getString("change"));
            assertEquals(id, deleted.getString("id"));
            assertTrue(deleted.isNull("delegation"), "a deleted visit has no current state");
            assertNull(events.none(QUIET), "one event per change");
        }
    }

    @Test
    void theLegacyGraphqlWsProtocolAndATokenInTheUpgradeHeaderWorkToo() throws Exception {
        try (LiveClient legacy = new LiveClient(graphql, token(Roles.VIEWER), WebsocketSubprotocol.GRAPHQL_WS, false);
                LiveClient header = new LiveClient(graphql, token(Roles.VIEWER), WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS,
                        true);
                LiveClient anonymous = new LiveClient(graphql, null, WebsocketSubprotocol.GRAPHQL_WS, false)) {
            LiveClient.Events overLegacy = attached(() -> legacy.subscribe("delegation-changed"));
            LiveClient.Events withHeader = attached(() -> header.subscribe("delegation-changed"));
            String id = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-26"));
            assertEquals(id, event(overLegacy.next(), "delegationChanged").getString("id"));
            assertEquals(id, event(withHeader.next(), "delegationChanged").getString("id"));
            assertEquals("UNAUTHENTICATED", anonymous.subscribe("delegation-changed").errorCode());
        }
    }

    @Test
    void aCountryFilterLetsThroughOnlyThatCountrysVisitsBeforeAndAfterAChange() throws Exception {
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events turkey = attached(
                    () -> client.subscribe("delegation-changed", "filter", Map.of("country", "tur")));
            Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-05-01"));
            Map<String, Object> input = Fixtures.delegationInput("TUR", "AZE", "2024-05-02");
            String visit = Fixtures.delegation(input);
            JsonObject created = event(turkey.next(), "delegationChanged");
            assertEquals(visit, created.getString("id"), "the KAZ-AZE visit must not reach a TUR subscriber");

            // A visit that no longer concerns the country is still news to its subscribers: it left their view.
            input.put("visitingCountry", "GEO");
            ok("update-delegation", "id", visit, "input", input, "expectedVersion", 0);
            JsonObject moved = event(turkey.next(), "delegationChanged");
            assertEquals("UPDATED", moved.getString("change"));
            assertEquals("GEO", moved.getJsonObject("delegation").getJsonObject("visitingCountry").getString("code"));

            ok("update-delegation", "id", visit, "input", input, "expectedVersion", 1);
            assertNull(turkey.none(QUIET), "a GEO-AZE visit no longer concerns TUR");
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Exception {
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events events = attached(
                    () -> client.subscribe("delegation-changed", "filter", Map.of("country", "ARM")));
            // The visit's row is inserted, then a member listed twice fails the mutation: the transaction rolls back.
            String person = Fixtures.person("Listed Twice", "ARM");
            Map<String, Object> input = Fixtures.delegationInput("ARM", "AZE", "2024-06-01");
            input.put("members", List.of(Map.of("personId", person), Map.of("personId", person)));
            assertEquals("VALIDATION", run("create-delegation", "input", input).getString("errors[0].extensions.code"));
            // A stale version is refused after the row was read: nothing changes, nothing is announced.
            String visit = Fixtures.delegation(Fixtures.delegationInput("GEO", "AZE", "2024-06-02"));
            assertEquals("CONFLICT", run("update-delegation", "id", visit, "input",
                    Fixtures.delegationInput("ARM", "AZE", "2024-06-02"), "expectedVersion", 7)
                    .getString("errors[0].extensions.code"));
            assertNull(events.none(QUIET), "nothing was committed, so nothing may be announced");

            String committed = Fixtures.delegation(Fixtures.delegationInput("ARM", "AZE", "2024-06-03"));
            assertEquals(committed, event(events.next(), "delegationChanged").getString("id"),
                    "the first event is the first commit");
        }
    }

    @Test
    void anAgendaSubscriptionHearsOnlyItsVisitsItems() throws Exception {
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        String other = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events agenda = attached(() -> client.subscribe("agenda-changed", "delegationId", visit));
            ok("add-agenda-item", "delegationId", other, "input", Fixtures.agendaInput("MEETING", "Elsewhere", "2024-04-25"));
            String item = ok("add-agenda-item", "delegationId", visit, "input",
                    Fixtures.agendaInput("WREATH_LAYING", "Alley of Martyrs", "2024-04-25")).getString("data.addAgendaItem.id");

            JsonObject added = event(agenda.next(), "agendaChanged");
            assertEquals("CREATED", added.getString("change"));
            assertEquals(item, added.getString("id"));
            assertEquals("Alley of Martyrs", added.getJsonObject("agendaItem").getString("title"));
            assertEquals(visit, added.getJsonObject("agendaItem").getJsonObject("delegation").getString("id"));

            ok("update-agenda-item", "id", item, "input",
                    Fixtures.agendaInput("WREATH_LAYING", "Alley of Honour", "2024-04-25"),
                    "expectedVersion", 0);
            JsonObject updated = event(agenda.next(), "agendaChanged");
            assertEquals("UPDATED", updated.getString("change"));
            assertEquals("Alley of Honour", updated.getJsonObject("agendaItem").getString("title"));

            ok("remove-agenda-item", "id", item);
            JsonObject removed = event(agenda.next(), "agendaChanged");
            assertEquals("DELETED", removed.getString("change"));
            assertEquals(item, removed.getString("id"));
            assertTrue(removed.isNull("agendaItem"));
            assertNull(agenda.none(QUIET));
        }
    }

    @Test
    void deletingAVisitAnnouncesItsAgendaItemsRemoval() throws Exception {
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        String item = ok("add-agenda-item", "delegationId", visit, "input",
                Fixtures.agendaInput("TALKS", "Talks", "2024-04-25")).getString("data.addAgendaItem.id");
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events agenda = attached(() -> client.subscribe("agenda-changed", "delegationId", visit));
            ok("delete-delegation", "id", visit);
            JsonObject removed = event(agenda.next(), "agendaChanged");
            assertEquals("DELETED", removed.getString("change"));
            assertEquals(item, removed.getString("id"));
            // The visit is gone: nothing more can happen to its agenda, so the subscription ends.
            assertEquals("completed", agenda.ended());
        }
    }

    @Test
    void anAgendaSubscriptionEndsWhenItsVisitWithoutAgendaIsDeleted() throws Exception {
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        String other = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-26"));
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events agenda = attached(() -> client.subscribe("agenda-changed", "delegationId", visit));
            ok("delete-delegation", "id", other);
            assertNull(agenda.none(QUIET), "another visit's deletion ends nothing");
            ok("delete-delegation", "id", visit);
            assertEquals("completed", agenda.ended());
        }
        awaitActive(0);
    }

    @Test
    void aSyntaxErrorInASubscriptionGetsTheParseCodeAndTheConnectionStaysOpen() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WebSocket socket = connect(vertx);
            List<JsonObject> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            socket.textMessageHandler(text -> received.add(Json.createReader(new java.io.StringReader(text)).readObject()));
            socket.writeTextMessage("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
                    + token(Roles.VIEWER) + "\"}}");
            socket.writeTextMessage(
                    "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"subscription { delegationChanged { id \"}}");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (received.stream().noneMatch(m -> "error".equals(m.getString("type"))) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            JsonObject error = received.stream().filter(m -> "error".equals(m.getString("type"))).findFirst().orElseThrow();
            assertEquals("1", error.getString("id"));
            assertEquals("GRAPHQL_PARSE_FAILED",
                    error.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"));
            assertFalse(socket.isClosed(), "a bad document ends its operation, not the connection");
        } finally {
            closeQuietly(vertx);
        }
    }

    /**
     * A client that subscribes and goes away at once (a closed tab, a dashboard reloading) leaves nothing attached,
     * even when the connection closes while the server is still setting the subscription up.
     */
    @Test
    void aSubscriptionWhoseConnectionClosesWhileItStartsDoesNotStayAttached() throws Exception {
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        Vertx vertx = Vertx.vertx();
        try {
            for (int i = 0; i < 40; i++) {
                WebSocket socket = connect(vertx);
                CompletableFuture<Void> acknowledged = new CompletableFuture<>();
                socket.textMessageHandler(text -> {
                    if (text.contains("connection_ack")) {
                        acknowledged.complete(null);
                    }
                });
                socket.writeTextMessage(Json.createObjectBuilder().add("type", "connection_init")
                        .add("payload", Json.createObjectBuilder().add("Authorization", "Bearer " + token(Roles.VIEWER)))
                        .build().toString());
                acknowledged.get(5, TimeUnit.SECONDS);
                // Both kinds: one attaches at once, the other after a check on a worker (that the visit exists).
                String query = i % 2 == 0 ? "subscription { delegationChanged { id } }"
                        : "subscription { agendaChanged(delegationId: \"" + visit + "\") { id } }";
                socket.writeTextMessage(Json.createObjectBuilder().add("type", "subscribe").add("id", "1")
                        .add("payload", Json.createObjectBuilder().add("query", query)).build().toString());
                if (i % 4 < 2) {
                    Thread.sleep(i % 10); // now and then a little later, across the setting up
                }
                socket.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
            awaitActive(0);
        } finally {
            closeQuietly(vertx);
        }
    }

    @Test
    void awardsReachSubscribersOfTheConferringCountryAndOfTheRecipients() throws Exception {
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        String recipient = Fixtures.person("Sultan Kamaletdinov", "KAZ");
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            int before = active();
            LiveClient.Events azerbaijan = client.subscribe("award-conferred", "country", "AZE");
            LiveClient.Events kazakhstan = client.subscribe("award-conferred", "country", "KAZ");
            LiveClient.Events georgia = client.subscribe("award-conferred", "country", "GEO");
            awaitActive(before + 3);
            String award = ok("confer-award", "input", Fixtures.awardInput(recipient, "AZE", "2024-04-25", visit))
                    .getString("data.conferAward.id");

            for (LiveClient.Events events : List.of(azerbaijan, kazakhstan)) {
                JsonObject conferred = event(events.next(), "awardConferred");
                assertEquals("CREATED", conferred.getString("change"));
                assertEquals(award, conferred.getString("id"));
                assertEquals("Sultan Kamaletdinov",
                        conferred.getJsonObject("award").getJsonObject("recipient").getString("fullName"));
                assertEquals(visit, conferred.getJsonObject("award").getJsonObject("delegation").getString("id"));
            }
            assertNull(georgia.none(QUIET), "neither conferred by nor on Georgia");

            ok("revoke-award", "id", award);
            JsonObject revoked = event(azerbaijan.next(), "awardConferred");
            assertEquals("DELETED", revoked.getString("change"));
            assertEquals(award, revoked.getString("id"));
        }
    }

    @Test
    void subscriptionsNeedATokenAndAViewer() throws Exception {
        try (LiveClient anonymous = new LiveClient(graphql, null)) {
            assertEquals("UNAUTHENTICATED", anonymous.subscribe("delegation-changed").errorCode());
        }
        try (LiveClient roleless = new LiveClient(graphql, token("auditor"))) {
            assertEquals("FORBIDDEN", roleless.subscribe("delegation-changed").errorCode());
        }
        try (LiveClient forged = new LiveClient(graphql, "not-a-token")) {
            Object failure = forged.subscribe("delegation-changed").ended();
            assertTrue(String.valueOf(failure).contains("4403"),
                    "an untrusted token is refused at connection_init: " + failure);
        }
    }

    @Test
    void aConnectionClosesWhenItsTokenExpires() throws Exception {
        String shortLived = Jwt.subject("test-short").groups(Roles.VIEWER).expiresIn(2).sign();
        try (LiveClient client = new LiveClient(graphql, shortLived)) {
            LiveClient.Events events = attached(() -> client.subscribe("delegation-changed"));
            Object ended = events.ended(Duration.ofSeconds(6));
            assertTrue(String.valueOf(ended).contains("1008"), "closed with 1008 when the token expires: " + ended);
        }
    }

    @Test
    void aConnectionWithoutConnectionInitIsClosedInTime() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Duration timeout = ConfigProvider.getConfig().getValue("attache.subscriptions.init-timeout", Duration.class);
            long opened = System.nanoTime();
            WebSocket silent = connect(vertx);
            CompletableFuture<String> closed = new CompletableFuture<>();
            silent.closeHandler(v -> closed.complete(silent.closeStatusCode() + " " + silent.closeReason()));
            assertEquals("4408 Connection initialisation timeout", closed.get(timeout.toSeconds() + 8, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - opened >= timeout.toNanos() - Duration.ofMillis(100).toNanos(),
                    "closed before the timeout");
        } finally {
            closeQuietly(vertx);
        }
    }

    @Test
    void malformedMessagesCloseTheConnectionWithTheProtocolsCode() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            for (String message : List.of("not json", "[1, 2]", "{}", "{\"type\": 42}",
                    "{\"type\": \"subscribe\", \"id\": \"1\"}",
                    "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": 7}}",
                    "{\"type\": \"subscribe\", \"id\": 1, \"payload\": {\"query\": \"subscription { delegationChanged { id } }\"}}",
                    "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"subscription { delegationChanged { id } }\","
                            + " \"variables\": \"x\"}}",
                    "{\"type\": \"connection_init\", \"payload\": \"x\"}")) {
                WebSocket socket = connect(vertx);
                CompletableFuture<Short> closed = new CompletableFuture<>();
                socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
                socket.writeTextMessage("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
                        + token(Roles.VIEWER) + "\"}}");
                socket.writeTextMessage(message);
                assertEquals((short) 4400, closed.get(5, TimeUnit.SECONDS), message);
            }
        } finally {
            closeQuietly(vertx);
        }
        // The server is none the worse for it.
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events events = attached(() -> client.subscribe("delegation-changed"));
            String id = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-27"));
            assertEquals(id, event(events.next(), "delegationChanged").getString("id"));
        }
    }

    @Test
    void badSubscriptionsGetCodedErrors() throws Exception {
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            assertEquals("NOT_FOUND", client.subscribe("delegation-changed", "filter", Map.of("country", "XXX")).errorCode());
            assertEquals("NOT_FOUND", client.subscribe("agenda-changed", "delegationId", "999999999").errorCode());
            assertEquals("NOT_FOUND", client.subscribe("agenda-changed", "delegationId", "not-an-id").errorCode());
            assertEquals("NOT_FOUND", client.subscribe("award-conferred", "country", "ZZZ").errorCode());
        }
    }

    @Test
    void subscriptionsObeyTheQueryLimits() throws Exception {
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            assertEquals("QUERY_TOO_DEEP", client.subscribeTo("subscription { delegationChanged { delegation { head {"
                    + " delegationsLed { head { delegationsLed { head { delegationsLed { head { delegationsLed { head {"
                    + " delegationsLed { id } } } } } } } } } } } } }").errorCode());
        }
    }

    @Test
    void aConnectionHoldsABoundedNumberOfSubscriptions() throws Exception {
        int max = ConfigProvider.getConfig().getValue("attache.subscriptions.max-per-connection", Integer.class);
        int before = active();
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            List<LiveClient.Events> held = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                held.add(client.subscribe("delegation-changed"));
            }
            awaitActive(before + max);
            assertEquals("TOO_MANY_SUBSCRIPTIONS", client.subscribe("delegation-changed").errorCode());

            held.get(0).cancel();
            awaitActive(before + max - 1);
            LiveClient.Events replacement = attached(() -> client.subscribe("delegation-changed"));
            String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
            assertEquals(visit, event(replacement.next(), "delegationChanged").getString("id"));
            assertEquals(visit, event(held.get(max - 1).next(), "delegationChanged").getString("id"));
        }
        awaitActive(before); // closing the connection ends all it held: nothing stays attached
    }

    /**
     * A client that stops reading is disconnected with a reason once its connection holds more than the bound unread,
     * while another subscriber keeps receiving every event.
     */
    @Test
    void aSlowClientIsDroppedWithAReasonWhileOthersKeepUp() throws Exception {
        Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("summary", "x".repeat(10_000));
        String visit = Fixtures.delegation(input);
        // The bound this test overruns: 10,000-character summaries, many events, a client that never reads.
        assertEquals("1M", ConfigProvider.getConfig().getValue("attache.subscriptions.max-unread-bytes", String.class));
        int before = active();
        double slowBefore = closedWith(4008);
        Vertx vertx = Vertx.vertx();
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            WebSocket slow = connect(vertx);
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            CompletableFuture<String> closed = new CompletableFuture<>();
            slow.textMessageHandler(text -> acknowledged.complete(null));
            slow.closeHandler(v -> closed.complete(slow.closeStatusCode() + " " + slow.closeReason()));
            slow.writeTextMessage("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
                    + token(Roles.VIEWER) + "\"}}");
            acknowledged.get(5, TimeUnit.SECONDS);
            slow.writeTextMessage(Json.createObjectBuilder().add("id", "1").add("type", "subscribe")
                    .add("payload", Json.createObjectBuilder().add("query", GraphQL.document("delegation-summaries")))
                    .build().toString());
            LiveClient.Events fast = client.subscribe("delegation-changed");
            awaitActive(before + 2);
            slow.pause(); // reads nothing more: what the server sends piles up

            int updates = 80; // about 23 MB of events for the slow reader: more than socket buffers and the bound hold
            for (int version = 0; version < updates; version++) {
                input.put("summary", version % 10 + "x".repeat(9_999)); // each a change: one that is none sends no event
                ok("update-delegation", "id", visit, "input", input, "expectedVersion", version);
            }
            for (int version = 1; version <= updates; version++) {
                assertEquals(version, event(fast.next(), "delegationChanged").getJsonObject("delegation").getInt("version"));
            }
            slow.resume(); // reads what was sent before the server closed the connection, then the close
            String close = closed.get(20, TimeUnit.SECONDS);
            assertTrue(close.startsWith("4008 Too slow"), close);
            assertEquals(slowBefore + 1, closedWith(4008), "operators see it in /q/metrics");
        } finally {
            closeQuietly(vertx);
        }
    }

    /** The raw clients' Vert.x; what it still holds (a connection the server dropped) must not fail the test. */
    private static void closeQuietly(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // its threads end with the test JVM
        }
    }

    /** A raw graphql-transport-ws connection, for what the client library would not do. */
    private WebSocket connect(Vertx vertx) throws Exception {
        return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 20))
                .connect(new WebSocketConnectOptions().setAbsoluteURI(graphql.toString().replace("http", "ws"))
                        .addSubProtocol("graphql-transport-ws"))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static JsonObject event(Response response, String field) {
        assertTrue(response.getErrors() == null || response.getErrors().isEmpty(), () -> "errors: " + response.getErrors());
        JsonObject event = response.getData().getJsonObject(field);
        assertNotNull(event, () -> "no " + field + " in " + response.getData());
        return event;
    }

    interface Subscribing {
        LiveClient.Events subscribe() throws Exception;
    }

    /** Subscribes, and waits until the subscription is attached to the change feed: no change after this is missed. */
    static LiveClient.Events attached(Subscribing subscribing) throws Exception {
        int before = active();
        LiveClient.Events events = subscribing.subscribe();
        awaitActive(before + 1);
        return events;
    }

    /** How many connections the server has closed with this code (attache_graphql_websocket_closed_total). */
    static double closedWith(int code) {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "attache_graphql_websocket_closed_total{code=\"" + code + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).findFirst().orElse(0);
    }

    static int active() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("attache_graphql_subscriptions "))
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    static void awaitActive(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (active() != expected) {
            assertTrue(System.nanoTime() < deadline, "expected " + expected + " subscriptions attached, found " + active());
            Thread.sleep(20);
        }
    }
}
