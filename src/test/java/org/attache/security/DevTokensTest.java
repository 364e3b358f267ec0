package org.attache.security;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.postAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The dashboard's one-click dev tokens (attache.auth.dev-tokens, on in dev mode and tests, never in production). */
@QuarkusTest
class DevTokensTest {

    @Test
    void aDevTokenIsSignedForARoleAndTrusted() {
        given().get("/dev/token").then().statusCode(204);
        String token = given().post("/dev/token?role=editor").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        // An editor's token may create a person: the role is in it.
        String created = postAs(token,
                "mutation { createPerson(input: {fullName: \"Dev Token Person\", country: \"KAZ\"}) { createdBy } }")
                .getString("data.createPerson.createdBy");
        assertEquals("dev-editor", created);
    }

    @Test
    void anUnknownRoleGetsNoToken() {
        given().post("/dev/token?role=root").then().statusCode(400);
        given().post("/dev/token").then().statusCode(400);
    }
}
