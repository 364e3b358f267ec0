package org.attache.engine;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * ATTACHE_TRUSTED_DOCUMENTS=true: only registered documents run, whole or by hash: the dashboard's own and those of
 * the deploy-time manifest (here src/test/resources/trusted/manifest.json). Anything else is DOCUMENT_NOT_TRUSTED
 * and nothing runs, a mutation included.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.Trusted.class)
class TrustedDocumentsTest {

    public static class Trusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attache.graphql.trusted-documents", "true",
                    "attache.graphql.trusted-documents-manifest", "src/test/resources/trusted/manifest.json");
        }
    }

    private static RequestSpecification client(String role) {
        return given().header("Authorization", "Bearer " + token(role)).accept("application/json")
                .contentType("application/json");
    }

    @Test
    void theDashboardsDocumentsRunWholeOrByHash() throws IOException {
        JsonObject first;
        try (InputStream manifest = getClass().getClassLoader().getResourceAsStream(PersistedDocuments.DASHBOARD)) {
            first = new JsonObject(new String(manifest.readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("operations")
                    .getJsonObject(0);
        }
        assertEquals("query", first.getString("type"), "the first document of the page is a query");
        client(Roles.VIEWER).body(Map.of("query", first.getString("body"))).when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", nullValueOrNot("DOCUMENT_NOT_TRUSTED"));
        client(Roles.VIEWER).body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1,
                "sha256Hash", first.getString("id"))))).when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", nullValueOrNot("DOCUMENT_NOT_TRUSTED"));
    }

    @Test
    void theManifestsDocumentsRunAndNothingElse() {
        String registered = "query Countries { countries { code name } }";
        client(Roles.VIEWER).body(Map.of("query", registered)).when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue()).body("data.countries", notNullValue());
        client(Roles.VIEWER).body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1,
                "sha256Hash", PersistedDocuments.hash(registered))))).when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue()).body("data.countries", notNullValue());

        client(Roles.VIEWER).body(Map.of("query", "{ countries { code } }")).when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", is("DOCUMENT_NOT_TRUSTED")).body("data", nullValue());
        String topic = "mutation { createTopic(input: {slug: \"untrusted\", label: \"Untrusted\"}) { slug } }";
        client(Roles.ADMIN).body(Map.of("query", topic, "extensions", Map.of("persistedQuery", Map.of("version", 1,
                "sha256Hash", PersistedDocuments.hash(topic))))).when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", is("DOCUMENT_NOT_TRUSTED"));
        client(Roles.VIEWER).body(Map.of("query", registered.replace("code name", "code"))).when().post("/graphql")
                .then().body("errors[0].extensions.code", is("DOCUMENT_NOT_TRUSTED"));
        client(Roles.VIEWER).body(Map.of("query", "{ topics { slug } }")).when().post("/graphql")
                .then().body("errors[0].extensions.code", is("DOCUMENT_NOT_TRUSTED"));
        given().header("Authorization", "Bearer " + token(Roles.VIEWER)).queryParam("query", "{ topics { slug } }")
                .when().get("/graphql").then().body("errors[0].extensions.code", is("DOCUMENT_NOT_TRUSTED"));
        client(Roles.VIEWER).body(Map.of("query", "{ topics { slug } }")).when().post("/graphql")
                .then().body("data", nullValue());
        // A document sent as application/graphql is no way around it.
        given().header("Authorization", "Bearer " + token(Roles.VIEWER)).accept("application/json")
                .contentType("application/graphql").body("{ topics { slug } }".getBytes(StandardCharsets.UTF_8)).when()
                .post("/graphql")
                .then().body("errors[0].extensions.code", is("DOCUMENT_NOT_TRUSTED"));
        given().header("Authorization", "Bearer " + token(Roles.VIEWER)).accept("application/json")
                .contentType("application/graphql").body(registered.getBytes(StandardCharsets.UTF_8)).when().post("/graphql")
                .then().body("errors", nullValue()).body("data.countries", notNullValue());
    }

    @TestHTTPResource("/graphql")
    URL graphql;

    /** The socket is no way around it: an untrusted subscribe ends with the same code, a trusted one by hash runs. */
    @Test
    void overTheWebSocketToo() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
                    .setAbsoluteURI(graphql.toString().replace("http", "ws")).addSubProtocol("graphql-transport-ws"))
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
            socket.textMessageHandler(text -> received.add(new JsonObject(text)));
            socket.writeTextMessage(new JsonObject().put("type", "connection_init")
                    .put("payload", new JsonObject().put("Authorization", "Bearer " + token(Roles.VIEWER))).encode());
            assertEquals("connection_ack", received.poll(5, TimeUnit.SECONDS).getString("type"));
            socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("id", "1")
                    .put("payload", new JsonObject().put("query", "{ topics { slug } }")).encode());
            JsonObject refused = received.poll(5, TimeUnit.SECONDS);
            assertEquals("error", refused.getString("type"), refused::encode);
            assertEquals("DOCUMENT_NOT_TRUSTED", refused.getJsonArray("payload").getJsonObject(0)
                    .getJsonObject("extensions").getString("code"));
            socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("id", "2")
                    .put("payload", new JsonObject().put("extensions", new JsonObject().put("persistedQuery", new JsonObject()
                            .put("version", 1)
                            .put("sha256Hash", PersistedDocuments.hash("query Countries { countries { code name } }")))))
                    .encode());
            JsonObject answered = received.poll(5, TimeUnit.SECONDS);
            assertEquals("next", answered.getString("type"), answered::encode);
            assertTrue(answered.getJsonObject("payload").getJsonObject("data").getJsonArray("countries").size() > 200);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static org.hamcrest.Matcher<Object> nullValueOrNot(String code) {
        return org.hamcrest.Matchers.not(is(code));
    }
}
