package org.attache.transport;

import static io.restassured.RestAssured.given;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.personInput;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.document;
import static org.attache.GraphQL.postAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.attache.security.Roles;
import org.attache.sqlread.SqlReads;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;

/**
 * What keeps one client from taking the service down (issue 18), with small limits so that a test can reach them:
 * each client's share of requests and answer bytes, answers bounded while they are built on both read paths, a cost
 * that counts the lists the data really holds, and a statement timeout on every session.
 */
@QuarkusTest
@TestProfile(ClientAndAnswerLimitsTest.SmallLimits.class)
class ClientAndAnswerLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("attache.clients.requests-per-second", "1"),
                    Map.entry("attache.clients.burst", "6"),
                    Map.entry("attache.clients.bytes-per-minute", "20K"),
                    Map.entry("attache.graphql.max-result-size", "16K"),
                    Map.entry("attache.graphql.max-cost", "1400"),
                    Map.entry("attache.graphql.list-lengths.from-data", "true"),
                    Map.entry("attache.graphql.list-lengths.refresh", "0S"),
                    Map.entry("attache.clients.concurrent-operations", "4"),
                    Map.entry("attache.subscriptions.max-unread-bytes", "8K"),
                    Map.entry("quarkus.http.idle-timeout", "11S"));
        }
    }

    /** About 8 KB of JSON: every country's code and name. */
    private static final String COUNTRIES = "{ countries { code name } }";
    /** About 20 KB: more of each country, within the cost limit (1 + 249 x 5 values) but over 16 KB. */
    private static final String WIDE_COUNTRIES = "{ countries { code name hostedCount sentCount awardsConferredCount } }";

    @Inject
    AgroalDataSource database;

    @TestHTTPResource("/graphql")
    URL graphqlUrl;

    /** A client of its own: limits are per token subject. */
    private static String newClient(String role) {
        String subject = unique("client");
        return Jwt.subject(subject).upn(subject).groups(role).expiresIn(3600).sign();
    }

    /** A graphql-transport-ws connection of a new viewer, acknowledged; every message it gets goes to received. */
    private WebSocket initialisedWebSocket(BlockingQueue<String> received) throws Exception {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphqlUrl.toString().replace("http", "ws")), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        socket.sendText(new JsonObject().put("type", "connection_init")
                .put("payload", new JsonObject().put("Authorization", "Bearer " + newClient(Roles.VIEWER))).encode(), true);
        assertTrue(received.poll(5, TimeUnit.SECONDS).contains("connection_ack"));
        return socket;
    }

    private static Response send(String token, String query, boolean resolvers) {
        var request = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", query));
        if (resolvers) {
            request.header(SqlReads.HEADER, "resolvers");
        }
        return request.when().post("/graphql");
    }

    @Test
    void aClientPastItsBurstGets429WithRetryAfterWhileOthersGoOn() {
        String client = newClient(Roles.VIEWER);
        for (int i = 0; i < 6; i++) {
            assertEquals(200, send(client, "{ topics { slug } }", false).statusCode());
        }
        Response refused = send(client, "{ topics { slug } }", false);
        assertEquals(429, refused.statusCode());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        assertError(refused.jsonPath(), "RATE_LIMITED", null);
        assertEquals(200, send(newClient(Roles.VIEWER), "{ topics { slug } }", false).statusCode());
    }

    @Test
    void aDashboardsQueriesSentAllAtOnceAreAllAnsweredThoseOverTheNumberInFlightWaitingTheirTurn() throws Exception {
        // Six at once, four may run: two wait for their turn instead of being refused.
        String client = newClient(Roles.VIEWER);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(graphqlUrl.toURI()).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + client)
                    .POST(HttpRequest.BodyPublishers
                            .ofString("{\"query\": \"{ delegations(first: 50) { totalCount nodes { id title } } }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("totalCount"), response.body());
        }
    }

    @Test
    void aClientThatReadItsShareOfBytesWaits() {
        String client = newClient(Roles.VIEWER);
        long size = send(client, COUNTRIES, false).asByteArray().length;
        int answered = 1;
        Response response;
        while ((response = send(client, COUNTRIES, false)).statusCode() == 200) {
            answered++;
            assertTrue(answered <= 5, "20 KB per minute, " + size + " bytes per answer");
        }
        // Admitted while some of the share was left: the answer that used it up was the last.
        assertEquals((int) Math.ceil(20480.0 / size), answered);
        assertEquals(429, response.statusCode());
        response.then().body("errors[0].extensions.code", is("RATE_LIMITED"),
                "errors[0].message", containsString("bytes per minute"));
    }

    @Test
    void anAnswerOverTheBudgetIsRefusedOnBothReadPaths() {
        for (boolean resolvers : new boolean[] { false, true }) {
            Response response = send(newClient(Roles.VIEWER), WIDE_COUNTRIES, resolvers);
            assertEquals(200, response.statusCode());
            JsonPath answer = response.jsonPath();
            assertError(answer, "RESULT_TOO_LARGE", null);
            assertNull(answer.get("data"), answer::prettify);
            assertTrue(answer.getString("errors[0].message").contains("16384 bytes"), answer::prettify);
        }
        // The same countries with fewer fields fit.
        JsonPath small = send(newClient(Roles.VIEWER), COUNTRIES, true).jsonPath();
        assertNull(small.get("errors"), small::prettify);
    }

    @Test
    void theCostCountsTheLongestListInTheData() throws InterruptedException {
        // 100 visits, each head's visits led: 1 + 100 x (3 + L) values for L visits led at most; 1,301 while L is 10.
        String query = "{ delegations(first: 100) { nodes { head { delegationsLed { id } } } } }";
        JsonPath before = send(newClient(Roles.VIEWER), query, false).jsonPath();
        assertNull(before.get("errors"), before::prettify);

        String head = postAs(newClient(Roles.EDITOR), document("create-person"), "input", personInput("Prolific Head", "AZE"))
                .getString("data.createPerson.id");
        for (int i = 0; i < 12; i++) {
            Map<String, Object> visit = delegationInput("AZE", "KAZ", "2024-05-%02d".formatted(i + 1));
            visit.put("headId", head);
            JsonPath created = postAs(newClient(Roles.EDITOR), document("create-delegation"), "input", visit);
            assertNull(created.get("errors"), created::prettify);
        }
        // The longest list is read on a worker after a request asks for it: the next requests see it.
        JsonPath after = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            after = send(newClient(Roles.VIEWER), query, false).jsonPath();
            if (after.get("errors") != null && after.getString("errors[0].message").contains(" 1501 ")) {
                break;
            }
            Thread.sleep(100);
        }
        assertError(after, "QUERY_TOO_COMPLEX", null);
        assertTrue(after.getString("errors[0].message").contains(" 1501 "), after::prettify);
    }

    @Test
    void everySessionOfThePoolHasTheStatementTimeoutAndNoJit() throws SQLException, InterruptedException {
        assertEquals("-c statement_timeout=10s -c jit=off", ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.additional-jdbc-properties.options", String.class),
                "the documented default");
        // Also after the list lengths were read, which switches the timeout off for its own transaction only.
        send(newClient(Roles.VIEWER), "{ delegations(first: 1) { nodes { members { role } } } }", false);
        Thread.sleep(500);
        List<Connection> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sessions.add(database.getConnection());
            }
            for (Connection session : sessions) {
                assertTrue(session.getAutoCommit());
                try (Statement statement = session.createStatement();
                        ResultSet row = statement.executeQuery("SELECT current_setting('statement_timeout'),"
                                + " current_setting('jit')")) {
                    row.next();
                    assertEquals("10s", row.getString(1));
                    assertEquals("off", row.getString(2));
                }
            }
        } finally {
            for (Connection session : sessions) {
                session.close();
            }
        }
    }

    @Test
    void overWebSocketAnAnswerLargerThanTheUnreadBoundEndsItsOperationWithAnError() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = initialisedWebSocket(received);
        try {
            // About 10 KB of answer against a bound of 8 KB unread; small ones still go through, also one of the shapes
            // the one-statement path answers over HTTP (over WebSocket it once got no answer at all).
            String compiled = "{ delegations(first: 2) { totalCount } }";
            for (String query : List.of(COUNTRIES, "{ topics { slug } }", compiled)) {
                socket.sendText(new JsonObject().put("id", query).put("type", "subscribe")
                        .put("payload", new JsonObject().put("query", query)).encode(), true);
            }
            Map<String, JsonObject> answers = new HashMap<>();
            while (answers.size() < 3) {
                String message = received.poll(5, TimeUnit.SECONDS);
                assertTrue(message != null, "no answer within 5 s: " + answers);
                JsonObject parsed = new JsonObject(message);
                if (!parsed.getString("type").equals("complete")) {
                    answers.put(parsed.getString("id"), parsed);
                }
            }
            JsonObject large = answers.get(COUNTRIES);
            assertEquals("error", large.getString("type"), large::encode);
            assertEquals("RESULT_TOO_LARGE", large.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions")
                    .getString("code"));
            assertEquals("next", answers.get("{ topics { slug } }").getString("type"));
            assertEquals("next", answers.get(compiled).getString("type"), answers.get(compiled)::encode);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeoutButAQuietWebSocketStaysOpen() throws Exception {
        try (Socket silent = new Socket(graphqlUrl.getHost(), graphqlUrl.getPort())) {
            silent.setSoTimeout(20_000);
            long start = System.nanoTime();
            assertEquals(-1, silent.getInputStream().read(), "the server closes the connection");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 10 && seconds <= 14, "closed after " + seconds + " s; the idle timeout is 11 s");
        }
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = initialisedWebSocket(received);
        try {
            // Past the idle timeout without a message from the client: the protocol's keep-alive (every 10 s) is traffic.
            assertEquals("{\"type\":\"ping\"}", received.poll(13, TimeUnit.SECONDS));
            Thread.sleep(2_000);
            socket.sendText(new JsonObject().put("id", "1").put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", "{ topics { slug } }")).encode(), true);
            String answer = received.poll(5, TimeUnit.SECONDS);
            assertTrue(answer != null && answer.contains("\"next\""), String.valueOf(answer));
        } finally {
            socket.abort();
        }
    }
}
