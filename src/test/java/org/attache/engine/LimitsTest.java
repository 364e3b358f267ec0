package org.attache.engine;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.attache.security.Roles;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Each limit of docs/api.md refuses a hostile request of its kind, with its own code, before anything runs. */
@QuarkusTest
class LimitsTest {

    /** The tests below build their hostile requests for these values, the defaults README.md documents. */
    @Test
    void theLimitsAreTheDocumentedDefaults() {
        Config config = ConfigProvider.getConfig();
        assertEquals(12, config.getValue("attache.graphql.max-depth", Integer.class));
        assertEquals(50000, config.getValue("attache.graphql.max-cost", Integer.class));
        assertEquals(30, config.getValue("attache.graphql.max-aliases", Integer.class));
        assertEquals(5000, config.getValue("attache.graphql.max-tokens", Integer.class));
        assertEquals("512K", config.getValue("quarkus.http.limits.max-body-size", String.class));
    }

    @Test
    void deepQueryIsRefused() {
        // 13 levels: visits, their heads, the visits those led, their heads...
        String deep = "{ delegations { nodes { head { delegationsLed { head { delegationsLed { head { delegationsLed"
                + " { head { delegationsLed { head { delegationsLed { id } } } } } } } } } } } } }";
        assertRefused(deep, "QUERY_TOO_DEEP");
    }

    @Test
    void costlyQueryIsRefused() {
        // 100 visits x 10 members x 10 visits led each x 10 members: 212,201 by the documented cost model.
        String costly = "{ delegations(first: 100) { nodes { members { person { delegationsLed { members { person {"
                + " fullName } } } } } } } }";
        assertRefused(costly, "QUERY_TOO_COMPLEX");
        // The figure docs/api.md gives for this document under its cost model.
        assertTrue(post(costly).getString("errors[0].message").contains(" 212201 "));
    }

    @Test
    void costFollowsTheDocumentedModelOnTheBenchmarksQ2Shape() {
        // bench/q2.graphql with a larger page: 1 + first x 135, so 6,751 at first 50 (docs/api.md), 54,001 at 400.
        String q2 = "query($n: Int) { delegations(filter: { hostCountry: \"AZE\" }, orderBy: START_DATE_ASC, first: $n) {"
                + " totalCount nodes { id title startDate endDate head { id fullName rank } visitingCountry { code name }"
                + " agenda { id kind title date startTime location } awards { id name conferredOn recipient { id fullName } } } } }";
        JsonPath refused = post(q2, "n", 400);
        assertError(refused, "QUERY_TOO_COMPLEX", null);
        assertTrue(refused.getString("errors[0].message").contains(" 54001 "), refused::prettify);
        assertNoErrors(post(q2, "n", 50));
    }

    @Test
    void aFieldNamedTwiceCountsOnce() {
        // The costly document above, its one field selected twice through fragments: the answer holds it once.
        String twice = "{ ...Visits ... on Query { ...Visits } } fragment Visits on Query { delegations(first: 100) { nodes {"
                + " members { person { delegationsLed { members { person { fullName } } } } } } } }";
        assertTrue(post(twice).getString("errors[0].message").contains(" 212201 "));
    }

    @Test
    void fragmentsThatMultiplyFieldsAreRefusedWithoutSpreadingThemAll() {
        // Each fragment names the next one twice under two aliases: 2^18 fields once spread, in 600 tokens.
        StringBuilder query = new StringBuilder("{ person(id: \"1\") { ...F0 } }");
        for (int i = 0; i < 18; i++) {
            query.append(" fragment F").append(i).append(" on Person { a: delegationsLed { head { ...F").append(i + 1)
                    .append(" } } b: delegationsLed { head { ...F").append(i + 1).append(" } } }");
        }
        query.append(" fragment F18 on Person { id }");
        assertRefused(query.toString(), "QUERY_TOO_COMPLEX");
        assertTrue(post(query.toString()).getString("errors[0].message").contains("once its fragments are spread"));
    }

    @Test
    void costCountsThePageSizeGivenAsAVariable() {
        String query = "query($n: Int) { delegations(first: $n) { nodes { members { person { delegationsLed { members {"
                + " person { fullName } } } } } } } }";
        assertError(post(query, "n", 100), "QUERY_TOO_COMPLEX", null);
        assertNoErrors(post(query, "n", 1));
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            query.append(" t").append(i).append(": topics { slug }");
        }
        assertRefused(query.append(" }").toString(), "TOO_MANY_ALIASES");
    }

    @Test
    void tooManyTokensAreRefused() {
        assertRefused("{ topics { " + "slug ".repeat(6000) + "} }", "QUERY_TOO_LARGE");
    }

    @Test
    void pageSizeAboveTheCapIsAValidationError() {
        assertError(post("{ delegations(first: 101) { totalCount } }"), "VALIDATION", "first");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{ topics { slug } } #" + "x".repeat(600 * 1024);
        given().header("Authorization", "Bearer " + token(Roles.VIEWER)).contentType("application/json")
                .body(Map.of("query", huge))
                .when().post("/graphql")
                .then().statusCode(413).body("errors[0].extensions.code", is("REQUEST_TOO_LARGE"));
    }

    private static void assertRefused(String query, String code) {
        given().header("Authorization", "Bearer " + token(Roles.VIEWER)).contentType("application/json")
                .accept("application/graphql-response+json").body(Map.of("query", query))
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is(code), "data", nullValue());
        assertError(post(query), code, null);
    }

    private static void assertNoErrors(JsonPath response) {
        assertNull(response.get("errors"), response::prettify);
    }
}
