package org.attache.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.attache.GraphQL;
import org.attache.PackagedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged application started once per documented form of its required settings, as an operator would set them
 * (environment variables only, production profile): each either starts and works, or refuses to start with a message
 * naming the variable to set and why.
 */
class StartupSettingsIT {

    private static final int HTTP_PORT = 8094;
    private static final int MANAGEMENT_PORT = 9094;
    private static final Path PUBLIC_KEY = Path.of("src/dev/jwt/public-key.pem").toAbsolutePath();
    private static final String VARIABLE = "ATTACHE_JWT_PUBLIC_KEY_LOCATION";

    private static EmbeddedPostgres database;
    private static String url;
    private static HttpServer keyServer;

    @BeforeAll
    static void startDatabaseAndKeyServer() throws IOException {
        database = EmbeddedPostgres.builder().start();
        url = "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/key.pem", exchange -> {
            byte[] key = Files.readAllBytes(PUBLIC_KEY);
            exchange.sendResponseHeaders(200, key.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(key);
            }
        });
        keyServer.start();
    }

    @AfterAll
    static void stop() throws IOException {
        keyServer.stop(0);
        database.close();
    }

    @Test
    void theKeyAsAFilePathWorks() throws Exception {
        startsAndChecksTokens(Map.of(VARIABLE, PUBLIC_KEY.toString()));
    }

    @Test
    void theKeyAsAUrlWorks() throws Exception {
        startsAndChecksTokens(Map.of(VARIABLE, "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/key.pem"));
    }

    @Test
    void theKeyWrittenInlineWorks() throws Exception {
        startsAndChecksTokens(Map.of(VARIABLE, Files.readString(PUBLIC_KEY)));
    }

    @Test
    void aMissingKeyRefusesToStartNamingTheVariable() throws Exception {
        refuses(withEnv(VARIABLE, null), VARIABLE, "is not set");
        refuses(withEnv(VARIABLE, "/no/such/key.pem"), VARIABLE, "does not exist");
    }

    @Test
    void anUnreadableOrWrongKeyRefusesToStart() throws Exception {
        refuses(withEnv(VARIABLE, Path.of("src").toAbsolutePath().toString()), VARIABLE, "not a file");
        Path notAKey = Files.createTempFile("not-a-key", ".pem");
        Files.writeString(notAKey, "hello");
        refuses(withEnv(VARIABLE, notAKey.toString()), VARIABLE, "no public key");
        refuses(withEnv(VARIABLE, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"), VARIABLE, "no public key");
    }

    @Test
    void aKeyUrlNotReachableYetStartsNotReadyAndAnswersInJson() throws Exception {
        try (PackagedApp app = PackagedApp.launch("key-unreachable", url, HTTP_PORT, MANAGEMENT_PORT,
                withEnv(VARIABLE, "http://127.0.0.1:9/key.pem"))) {
            app.awaitReadiness(503, Duration.ofMinutes(2));
            assertTrue(app.process().isAlive());
            Response answer = given().port(HTTP_PORT).contentType("application/json")
                    .header("Authorization", "Bearer " + GraphQL.token(Roles.VIEWER))
                    .body(Map.of("query", "{ topics { slug } }")).post("/graphql");
            // Not a plain-text 500, and not "your token is invalid" either: it could not be checked.
            assertEquals(503, answer.statusCode(), answer.asString());
            assertTrue(answer.contentType().contains("json"), answer.contentType());
            assertEquals("UNAVAILABLE", answer.jsonPath().getString("errors[0].extensions.code"), answer.asString());
        }
    }

    @Test
    void noDatabaseUrlRefusesToStartNamingTheVariable() throws Exception {
        // A build with the embedded database (the README's test command) starts one instead: nothing to refuse.
        assumeFalse(Files.list(Path.of("target/quarkus-app/lib/main")).anyMatch(jar -> jar.toString().contains("zonky")));
        try (PackagedApp app = PackagedApp.launch("no-database-url", null, HTTP_PORT, MANAGEMENT_PORT, Map.of())) {
            assertTrue(app.process().waitFor(60, TimeUnit.SECONDS), "it should refuse to start");
            assertNotEquals(0, app.process().exitValue());
            assertTrue(app.output().contains("QUARKUS_DATASOURCE_JDBC_URL"), app.output());
        }
    }

    @Test
    void aRefusedTokenIsNotLoggedEvenAtDebug() throws Exception {
        String forged = GraphQL.token(Roles.ADMIN).substring(0, 60) + "tampered.signature";
        try (PackagedApp app = PackagedApp.start("debug-log", url, HTTP_PORT, MANAGEMENT_PORT,
                Map.of("ATTACHE_LOG_LEVEL", "DEBUG", "ATTACHE_LOG_OPERATIONS", "DEBUG"))) {
            int status = given().port(HTTP_PORT).contentType("application/json").header("Authorization", "Bearer " + forged)
                    .body(Map.of("query", "{ topics { slug } }")).post("/graphql").statusCode();
            assertEquals(401, status);
            String token = GraphQL.token(Roles.ADMIN);
            given().port(HTTP_PORT).contentType("application/json").header("Authorization", "Bearer " + token)
                    .body(Map.of("query", "{ topics { slug } }")).post("/graphql").then().statusCode(200);
            Thread.sleep(500);
            String log = app.output();
            assertTrue(log.contains("DEBUG"), "the log is at DEBUG");
            assertFalse(log.contains(forged.substring(0, 60)), "a refused token was logged");
            assertFalse(log.contains(token.substring(40)), "a token was logged");
        }
    }

    @Test
    void demoDataOutsideDevModeLoadsWithASigningKeyAndSaysWhatIsMissingWithout() throws Exception {
        try (EmbeddedPostgres empty = EmbeddedPostgres.builder().start()) {
            String emptyUrl = "jdbc:postgresql://localhost:" + empty.getPort() + "/postgres";
            try (PackagedApp app = PackagedApp.start("demo-no-key", emptyUrl, HTTP_PORT, MANAGEMENT_PORT,
                    Map.of("ATTACHE_DEMO_DATA", "true"))) {
                awaitLog(app, "Demo data not loaded");
                assertTrue(app.output().contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"), app.output());
            }
            try (PackagedApp app = PackagedApp.start("demo-with-key", emptyUrl, HTTP_PORT, MANAGEMENT_PORT,
                    Map.of("ATTACHE_DEMO_DATA", "true", "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                            Path.of("src/dev/jwt/private-key.pem").toAbsolutePath().toString()))) {
                awaitLog(app, "Demo data loaded");
                assertEquals(1, app.graphQL("delegations", Map.of()).getInt("data.delegations.totalCount"));
            }
        }
    }

    private static void startsAndChecksTokens(Map<String, String> env) throws Exception {
        try (PackagedApp app = PackagedApp.start("key-" + Math.abs(env.get(VARIABLE).hashCode()), url, HTTP_PORT,
                MANAGEMENT_PORT, env)) {
            assertEquals(0, app.graphQL("topics", Map.of()).getList("errors") == null ? 0 : 1, "a valid token is accepted");
            int forged = given().port(HTTP_PORT).contentType("application/json")
                    .header("Authorization", "Bearer " + GraphQL.token(Roles.ADMIN) + "x")
                    .body(Map.of("query", "{ topics { slug } }")).post("/graphql").statusCode();
            assertEquals(401, forged, "a token with a broken signature is refused");
        }
    }

    private static void refuses(Map<String, String> env, String variable, String reason) throws Exception {
        try (PackagedApp app = PackagedApp.launch("refused", url, HTTP_PORT, MANAGEMENT_PORT, env)) {
            assertTrue(app.process().waitFor(60, TimeUnit.SECONDS), "it should refuse to start");
            assertNotEquals(0, app.process().exitValue());
            String output = app.output();
            assertTrue(output.contains(variable) && output.contains(reason), output);
        }
    }

    private static void awaitLog(PackagedApp app, String text) throws Exception {
        for (int i = 0; i < 120 && !app.output().contains(text); i++) {
            Thread.sleep(250);
        }
        assertTrue(app.output().contains(text), app.output());
    }

    private static Map<String, String> withEnv(String name, String value) {
        Map<String, String> env = new HashMap<>();
        env.put(name, value);
        return env;
    }
}
