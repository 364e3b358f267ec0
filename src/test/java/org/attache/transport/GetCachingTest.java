package org.attache.transport;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.attache.Fixtures;
import org.attache.engine.PersistedDocuments;
import org.attache.security.PublicReadsTest;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * GET answers for caches: an anonymous caller's (anonymous reads on) is public with an ETag that changes with any
 * committed write, persons included, and If-None-Match gets 304 while nothing changed; answers with errors and
 * answers for a token holder are not stored.
 */
@QuarkusTest
@TestProfile(PublicReadsTest.PublicDeployment.class)
class GetCachingTest {

    private static final String COUNTRIES = "{ countries { code } }";
    private static final String PERSONS = "{ persons(first: 100) { totalCount } }";

    private static Response get(String query, String ifNoneMatch) {
        var request = given().accept("application/json").queryParam("query", query);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.when().get("/graphql");
    }

    /**
     * An answer whose ETag still holds: PostgreSQL's own background work (autovacuum's ANALYZE after the other tests'
     * writes) also takes transaction ids, which only costs a full answer; this waits until the database is quiet.
     */
    private static Response settled(String query) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Response answer = get(query, null);
            if (get(query, answer.header("ETag")).statusCode() == 304) {
                return answer;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the data version kept changing for 10 s with nothing written");
    }

    @Test
    void anAnonymousReadIsPublicAndRevalidatedWith304UntilAWrite() {
        Response first = settled(PERSONS);
        first.then().statusCode(200).body("errors", nullValue())
                .header("Cache-Control", is("public, max-age=30"))
                .header("Vary", is("Accept, Authorization, Origin"))
                .header("ETag", startsWith("W/\""));
        String etag = first.header("ETag");

        get(PERSONS, etag).then().statusCode(304).header("ETag", is(etag)).body(is(emptyString()));
        get(PERSONS, "W/\"something-else\", " + etag).then().statusCode(304);
        get(PERSONS, "W/\"something-else\"").then().statusCode(200).header("ETag", is(etag));

        // A person: a table the change feed does not cover. Any committed write changes the ETag.
        Fixtures.person("Cached Person " + UUID.randomUUID(), "KAZ");
        Response after = get(PERSONS, etag);
        after.then().statusCode(200).body("errors", nullValue());
        assertNotEquals(etag, after.header("ETag"), "a write makes the old copy stale");
        assertEquals(first.jsonPath().getInt("data.persons.totalCount") + 1,
                after.jsonPath().getInt("data.persons.totalCount"));
    }

    @Test
    void aPersistedQueryByHashIsCachedToo() {
        String hash = PersistedDocuments.hash(COUNTRIES);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        given().accept("application/json").contentType("application/json")
                .body(Map.of("query", COUNTRIES, "extensions",
                        Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
                .when().post("/graphql").then().statusCode(200).body("errors", nullValue())
                .header("ETag", nullValue()); // POST answers are not for caches
        Response byHash = given().accept("application/json").queryParam("extensions", extensions).when().get("/graphql");
        byHash.then().statusCode(200).body("errors", nullValue()).header("Cache-Control", is("public, max-age=30"))
                .header("ETag", startsWith("W/\""));
        // Revalidation by hash is the same as by the whole document (the URL differs, the data version does not).
        String etag = settled(COUNTRIES).header("ETag");
        given().accept("application/json").queryParam("extensions", extensions).header("If-None-Match", etag)
                .when().get("/graphql").then().statusCode(304);
    }

    @Test
    void theEtagDependsOnTheMediaType() {
        String json = settled(COUNTRIES).header("ETag");
        String graphqlResponse = given().accept("application/graphql-response+json").queryParam("query", COUNTRIES)
                .when().get("/graphql").then().statusCode(200).extract().header("ETag");
        assertNotEquals(json, graphqlResponse);
        // The JSON copy still holds: the two differ by media type, not because something was written in between.
        get(COUNTRIES, json).then().statusCode(304);
    }

    @Test
    void answersWithErrorsAndPrivateAnswersAreNotStored() {
        Response refused = get("{ delegations(first: -1) { totalCount } }", null);
        refused.then().statusCode(200).header("Cache-Control", is("no-store")).header("ETag", nullValue());
        assertTrue(refused.jsonPath().getList("errors").size() > 0);
        get("{ nothing }", null).then().header("Cache-Control", is("no-store")).header("ETag", nullValue());
        given().accept("application/json").queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                + "a".repeat(64) + "\"}}").when().get("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND")).header("Cache-Control", is("no-store"));

        Response withToken = given().accept("application/json").header("Authorization", "Bearer " + token(Roles.VIEWER))
                .queryParam("query", COUNTRIES).when().get("/graphql");
        withToken.then().statusCode(200).header("Cache-Control", is("private, no-store")).header("ETag", nullValue());
        // A token holder's request never gets a 304 for a public copy either.
        String etag = get(COUNTRIES, null).header("ETag");
        given().accept("application/json").header("Authorization", "Bearer " + token(Roles.EDITOR))
                .header("If-None-Match", etag)
                .queryParam("query", COUNTRIES).when().get("/graphql").then().statusCode(200);
        assertFalse(post(COUNTRIES).getList("data.countries").isEmpty());
    }
}
