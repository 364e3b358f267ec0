package org.attache.transport;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Browsers on another origin: an origin in ATTACHE_CORS_ORIGINS (here https://dashboard.example.org) passes the
 * preflight and reads the answer; any other origin gets no Access-Control-Allow-* headers and its request is refused
 * before anything runs. CorsBrowserTest does the same from a real page.
 */
@QuarkusTest
class CorsTest {

    private static final String ALLOWED = "https://dashboard.example.org";

    @Test
    void anAllowedOriginPassesThePreflightForAuthorizedJsonPosts() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Allow-Headers", containsString("content-type"))
                .header("Access-Control-Max-Age", notNullValue());
    }

    @Test
    void anAllowedOriginReadsTheAnswer() {
        given().header("Origin", ALLOWED).header("Authorization", "Bearer " + token(Roles.VIEWER))
                .contentType("application/json").body(Map.of("query", "{ topics { slug } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", equalToIgnoringCase("Retry-After"))
                .body("data.topics", notNullValue());
    }

    @Test
    void anotherOriginGetsNoAllowHeadersAndNothingRuns() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + token(Roles.ADMIN))
                .contentType("application/json").body(Map.of("query", "mutation { createTopic(input: {slug: \"cors-probe\","
                        + " label: \"Probe\"}) { slug } }"))
                .when().post("/graphql")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Authorization", "Bearer " + token(Roles.VIEWER)).contentType("application/json")
                .body(Map.of("query", "{ topics { slug } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("data.topics.slug", not(hasItem("cors-probe")));
    }
}
