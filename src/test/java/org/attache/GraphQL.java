package org.attache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.attache.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Posts GraphQL documents from src/test/resources/graphql to the real /graphql endpoint. Requests carry an admin's
 * token unless a test says otherwise ({@link #runAs}, {@link #postAs}); tokens are signed with the dev key pair.
 */
public final class GraphQL {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private GraphQL() {
    }

    /** Runs the document graphql/{name}.graphql with variables given as name, value, name, value... */
    public static JsonPath run(String name, Object... variables) {
        return post(document(name), variables);
    }

    public static JsonPath post(String query, Object... variables) {
        return postAs(token(Roles.ADMIN), query, variables);
    }

    /** Runs graphql/{name}.graphql with this bearer token; null sends none. */
    public static JsonPath runAs(String token, String name, Object... variables) {
        return postAs(token, document(name), variables);
    }

    public static JsonPath postAs(String token, String query, Object... variables) {
        return send(token, false, query, variables);
    }

    /**
     * Runs a document that must succeed with the resolvers only (header Attache-Execution: resolvers), not the
     * one-statement path: for tests of how the resolvers batch.
     */
    public static JsonPath okWithResolvers(String name, Object... variables) {
        JsonPath response = send(token(Roles.ADMIN), true, document(name), variables);
        assertNull(response.get("errors"), () -> "unexpected errors: " + response.prettify());
        return response;
    }

    /** Posts a document with the resolvers only, as {@link #okWithResolvers}. */
    public static JsonPath postWithResolvers(String query, Object... variables) {
        return send(token(Roles.ADMIN), true, query, variables);
    }

    private static JsonPath send(String token, boolean resolvers, String query, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", vars);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (resolvers) {
            request.header("Attache-Execution", "resolvers");
        }
        // Without a token, where reads need one, the request is refused before GraphQL looks at it: 401.
        return request.when().post("/graphql")
                .then().statusCode(token == null ? oneOf(200, 401) : is(200))
                .extract().jsonPath();
    }

    /** Runs a document that must succeed and returns its data. */
    public static JsonPath ok(String name, Object... variables) {
        JsonPath response = run(name, variables);
        assertNull(response.get("errors"), () -> "unexpected errors: " + response.prettify());
        return response;
    }

    /** Asserts the response failed with one error of this code naming this field (null: no field). */
    public static void assertError(JsonPath response, String code, String field) {
        assertNotNull(response.get("errors"), () -> "expected an error, got " + response.prettify());
        assertEquals(1, response.getList("errors").size(), response::prettify);
        assertEquals(code, response.getString("errors[0].extensions.code"), response::prettify);
        assertEquals(field, response.getString("errors[0].extensions.field"), response::prettify);
        String message = response.getString("errors[0].message");
        assertFalse(message.isBlank());
        // Nothing internal leaks: no exception class, no SQL, no stack trace.
        assertNull(response.get("errors[0].extensions.exception"), response::prettify);
        assertNull(response.get("errors[0].extensions.classification"), response::prettify);
        assertFalse(message.matches("(?s).*(Exception|org\\.|java\\.|SQL|select |insert |\\tat ).*"), message);
    }

    /** A token for a user holding this one role, as the issuer would sign it. */
    public static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> Jwt.subject("test-" + r).upn("test-" + r).groups(r).expiresIn(3600).sign());
    }

    /** A request to the management interface (/q/health, /q/metrics). */
    public static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class));
    }

    public static String document(String name) {
        String path = "graphql/" + name + ".graphql";
        try (InputStream in = GraphQL.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
