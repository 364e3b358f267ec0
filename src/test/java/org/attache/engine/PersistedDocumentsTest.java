package org.attache.engine;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.attache.Fixtures;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Apollo's automatic persisted queries: the hash alone, PERSISTED_QUERY_NOT_FOUND, the hash with the document, then
 * the hash alone again, over POST and GET. A hash that is not the document's is refused. TrustedDocumentsTest covers
 * the trusted mode.
 */
@QuarkusTest
class PersistedDocumentsTest {

    private static RequestSpecification client() {
        return given().header("Authorization", "Bearer " + token(Roles.VIEWER)).accept("application/json");
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void aDocumentIsSentOnceThenByItsHashOverPostAndGet() {
        // Unique per run: a document the server has not learnt from an earlier test.
        String query = "query Probe { topics { slug } " + Fixtures.unique("x").replace('-', '_') + ": __typename }";
        String hash = PersistedDocuments.hash(query);

        client().contentType("application/json").body(Map.of("extensions", persisted(hash)))
                .when().post("/graphql")
                .then().statusCode(200).body("errors[0].message", is("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", is("PERSISTED_QUERY_NOT_FOUND"));
        client().contentType("application/json").body(Map.of("query", query, "extensions", persisted(hash)))
                .when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue()).body("data.topics", notNullValue());
        client().contentType("application/json").body(Map.of("extensions", persisted(hash)))
                .when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue()).body("data.topics", notNullValue());
        client().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .when().get("/graphql")
                .then().statusCode(200).body("errors", nullValue()).body("data.topics", notNullValue());
    }

    @Test
    void aHashThatIsNotTheDocumentsOrIsMalformedIsRefused() {
        client().contentType("application/json")
                .body(Map.of("query", "{ topics { slug } }", "extensions", persisted("0".repeat(64))))
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"));
        client().contentType("application/json").body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1))))
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"));
        client().queryParam("extensions", "{not json").when().get("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"));
    }

    @Test
    void aMutationByHashStillNeedsPost() {
        String mutation = "mutation { deleteDelegation(id: \"0\") }";
        String hash = PersistedDocuments.hash(mutation);
        client().contentType("application/json").body(Map.of("query", mutation, "extensions", persisted(hash)))
                .when().post("/graphql").then().statusCode(200);
        client().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .when().get("/graphql")
                .then().statusCode(405).body("errors[0].extensions.code", is("METHOD_NOT_ALLOWED"));
    }
}
