package org.attache.security;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.runAs;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The switches an operator of a public read-only deployment turns: anonymous reads on, introspection off, and caches
 * allowed to keep GET answers for 30 s (GetCachingTest).
 */
@QuarkusTest
@TestProfile(PublicReadsTest.PublicDeployment.class)
public class PublicReadsTest {

    public static class PublicDeployment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attache.auth.anonymous-reads", "true",
                    "attache.graphql.introspection", "false",
                    "attache.graphql.get-max-age", "30S");
        }
    }

    @Test
    void anonymousCallersReadButDoNotWrite() {
        JsonPath topics = runAs(null, "topics");
        assertNull(topics.get("errors"), topics::prettify);
        assertTrue(topics.getList("data.topics").size() > 0);
        assertError(runAs(null, "create-topic", "input", Map.of("slug", "anonymous", "label", "Anonymous")), "UNAUTHENTICATED",
                null);
        assertError(runAs(null, "history", "entity", "Topic", "id", "military"), "UNAUTHENTICATED", null);
    }

    @Test
    void introspectionAndTheSchemaEndpointAreOff() {
        given().contentType("application/json").body(Map.of("query", "{ __schema { types { name } } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", is("INTROSPECTION_DISABLED"));
        given().when().get("/graphql/schema.graphql")
                .then().statusCode(404).body("errors[0].extensions.code", is("NOT_FOUND"));
    }
}
