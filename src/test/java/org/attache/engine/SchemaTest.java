package org.attache.engine;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** docs/schema.graphql is the published contract: it must be exactly what the service serves. */
@QuarkusTest
class SchemaTest {

    private static final Path PUBLISHED = Path.of("docs/schema.graphql");

    @Test
    void servedSchemaMatchesDocsSchemaGraphql() throws Exception {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("attache-tests.write-schema")) {
            Files.writeString(PUBLISHED, served);
        }
        assertEquals(Files.readString(PUBLISHED), served,
                "The served schema changed: review it, then refresh docs/schema.graphql with -Dattache-tests.write-schema=true");
    }

    @Test
    void federationIsOffUnlessSwitchedOn() {
        assertEquals("GRAPHQL_VALIDATION_FAILED", post("{ _service { sdl } }").getString("errors[0].extensions.code"));
    }
}
