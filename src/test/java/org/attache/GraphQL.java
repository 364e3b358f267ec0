package org.attache;

import static io.restassured.RestAssured.given;
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

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Posts GraphQL documents from src/test/resources/graphql to the real /graphql endpoint. */
public final class GraphQL {

    private GraphQL() {
    }

    /** Runs the document graphql/{name}.graphql with variables given as name, value, name, value... */
    public static JsonPath run(String name, Object... variables) {
        return post(document(name), variables);
    }

    public static JsonPath post(String query, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", vars);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200)
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
        assertFalse(message.matches("(?s).*(Exception|org\\.|java\\.|SQL|select |insert |\\tat ).*"), message);
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
