package org.attache.sqlread;

import static io.restassured.RestAssured.given;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.GraphQL.document;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** ATTACHE_SQL_READS=false: every query is the resolvers', also those the one-statement path would answer. */
@QuarkusTest
@TestProfile(SqlReadsSwitchedOffTest.Off.class)
class SqlReadsSwitchedOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attache.graphql.sql-reads", "false");
        }
    }

    @Test
    void aCompilableQueryIsAnsweredByTheResolvers() {
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        Response response = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token(Roles.VIEWER))
                .body(Map.of("query", document("sql-visit"), "variables", Map.of("id", visit, "withAwards", true)))
                .when().post("/graphql").then().statusCode(200).extract().response();
        assertNull(response.header(SqlReads.HEADER));
        assertNull(response.jsonPath().get("errors"), response::asString);
        assertEquals(visit, response.jsonPath().getString("data.visit.id"));
    }
}
