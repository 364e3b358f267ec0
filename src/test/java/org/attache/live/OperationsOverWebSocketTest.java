package org.attache.live;

import static org.attache.GraphQL.postAs;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.attache.Fixtures;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Apollo and urql may send queries and mutations over the same graphql-transport-ws connection as subscriptions:
 * each must answer there exactly as over HTTP (the same data, errors, limits and roles), then complete; an answer of
 * any size reaches a client that takes frames of at most 64 KB, as Vert.x-based clients do by default. A message
 * larger than the one request limit (ATTACHE_MAX_BODY_SIZE, as over HTTP) closes the connection with 1009 and a reason.
 */
@QuarkusTest
class OperationsOverWebSocketTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void queriesAnswerAsOverHttpOnBothReadPaths() throws Exception {
        Map<String, Object> input = Fixtures.delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("summary", "Talks on military education. ".repeat(340));
        String visit = Fixtures.delegation(input);
        for (String query : List.of(
                // About 100 KB of answer: it reaches a client that takes frames of 64 KB at most (Vert.x's default).
                "query($id: ID!) { "
                        + "s%d: delegation(id: $id) { summary } ".repeat(10).formatted(0, 1, 2, 3, 4, 5, 6, 7, 8, 9) + "}",
                "query($id: ID!) { delegation(id: $id) { id title visitingCountry { code name } topics { slug } } }",
                "query($id: ID!) { delegations(first: 1) { nodes { id } totalCount } topics { slug } x: delegation(id: $id) { id } }",
                "query($id: ID!) { delegation(id: $id) { id nope } }")) {
            assertSameAnswer(Roles.VIEWER, query, Map.of("id", visit));
        }
    }

    @Test
    void mutationsAnswerAsOverHttpWithTheirRoles() throws Exception {
        String slug = Fixtures.unique("ws").toLowerCase();
        String create = "mutation($slug: String!) { createTopic(input: {slug: $slug, label: \"Over the socket\"}) { slug label } }";
        try (Socket socket = new Socket(Roles.ADMIN)) {
            JsonObject answer = socket.run(create, Map.of("slug", slug));
            assertEquals(slug, answer.getJsonObject("data").getJsonObject("createTopic").getString("slug"));
        }
        // The same document again: the same refusal as over HTTP (the slug exists now).
        assertSameAnswer(Roles.ADMIN, create, Map.of("slug", slug));
        // A viewer may not write, over either transport.
        assertSameAnswer(Roles.VIEWER, create, Map.of("slug", slug + "-2"));
        // Limits hold as over HTTP.
        assertSameAnswer(Roles.VIEWER, "{ " + "a: topics { slug } ".repeat(40) + "}", Map.of());
    }

    @Test
    void aMessageOverTheRequestLimitClosesTheConnectionWithTooBig() throws Exception {
        // Under the limit (as HTTP accepts 512 KB): a 100 KB variable is answered.
        try (Socket socket = new Socket(Roles.VIEWER)) {
            JsonObject answer = socket.run("query($t: String) { persons(search: $t) { totalCount } }",
                    Map.of("t", "a".repeat(100_000)));
            assertNotNull(answer, "no answer to a 100 KB message");
        }
        // Over it, in one frame (as browsers send) or in frames of 64 KB (as Vert.x-based clients do).
        for (int frame : new int[] { 1 << 21, 1 << 16 }) {
            try (Socket socket = new Socket(Roles.VIEWER, frame)) {
                socket.send("subscribe", "1", "{ topics { slug } }", Map.of("t", "a".repeat(600_000)));
                String closed = socket.closed.get(5, TimeUnit.SECONDS);
                assertTrue(closed.startsWith("1009 "), closed);
                assertTrue(closed.contains("524288 bytes"), closed);
            }
        }
    }

    private void assertSameAnswer(String role, String query, Map<String, Object> variables) throws Exception {
        Object[] pairs = variables.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray();
        JsonPath http = postAs(token(role), query, pairs);
        try (Socket socket = new Socket(role)) {
            JsonObject ws = socket.run(query, variables);
            assertEquals(normalized(http.prettify()), normalized(ws.toString()), "over the socket: " + query);
        }
    }

    /**
     * An answer without what differs by transport only: where an error is located, and "data": null, which the
     * protocol's error message (SmallRye's for an operation that failed as a whole) has no place for.
     */
    private static JsonValue normalized(String json) {
        JsonObject answer = Json.createReader(new StringReader(json)).readObject();
        if (!answer.containsKey("errors")) {
            return answer;
        }
        if (answer.get("data") == JsonValue.NULL) {
            answer = Json.createObjectBuilder(answer).remove("data").build();
        }
        var errors = Json.createArrayBuilder();
        for (JsonValue error : answer.getJsonArray("errors")) {
            errors.add(Json.createObjectBuilder(error.asJsonObject()).remove("locations"));
        }
        return Json.createObjectBuilder(answer).add("errors", errors).build();
    }

    /** A raw graphql-transport-ws connection, acknowledged. */
    private final class Socket implements AutoCloseable {
        final Vertx vertx = Vertx.vertx();
        final WebSocket socket;
        final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        Socket(String role) throws Exception {
            this(role, 1 << 16);
        }

        /** With frames of at most this many bytes, both ways. */
        Socket(String role, int maxFrame) throws Exception {
            socket = vertx
                    .createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(maxFrame).setMaxMessageSize(1 << 21))
                    .connect(new WebSocketConnectOptions().setAbsoluteURI(graphql.toString().replace("http", "ws"))
                            .addSubProtocol("graphql-transport-ws"))
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> received.add(Json.createReader(new StringReader(text)).readObject()));
            socket.closeHandler(v -> closed.complete(socket.closeStatusCode() + " " + socket.closeReason()));
            socket.writeTextMessage(
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token(role) + "\"}}");
            JsonObject ack = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(ack, "no connection_ack");
            assertEquals("connection_ack", ack.getString("type"));
        }

        void send(String type, String id, String query, Map<String, Object> variables) {
            var vars = Json.createObjectBuilder();
            variables.forEach((name, value) -> vars.add(name, String.valueOf(value)));
            socket.writeTextMessage(Json.createObjectBuilder().add("type", type).add("id", id)
                    .add("payload", Json.createObjectBuilder().add("query", query).add("variables", vars)).build().toString());
        }

        /**
         * Runs one operation: its answer as an HTTP client would read it, {data, errors}. A request error comes in an
         * error message (its payload the errors), a result in one next message; either way the operation then ends.
         */
        JsonObject run(String query, Map<String, Object> variables) throws Exception {
            send("subscribe", "op", query, variables);
            JsonObject message = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "no answer over the socket to " + query);
            if (message.getString("type").equals("error")) {
                return Json.createObjectBuilder().add("errors", message.getJsonArray("payload")).build();
            }
            assertEquals("next", message.getString("type"), message::toString);
            JsonObject complete = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(complete, "no complete after the answer");
            assertEquals("complete", complete.getString("type"));
            return message.getJsonObject("payload");
        }

        @Override
        public void close() throws Exception {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // its threads end with the test JVM
            }
        }
    }
}
