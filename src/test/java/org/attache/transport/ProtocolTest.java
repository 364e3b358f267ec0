package org.attache.transport;

import static io.restassured.RestAssured.given;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** /graphql speaks GraphQL over HTTP: status codes, media types and methods as the specification asks. */
@QuarkusTest
class ProtocolTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private static RequestSpecification client(String accept) {
        return given().header("Authorization", "Bearer " + token(Roles.VIEWER)).accept(accept);
    }

    @ParameterizedTest
    @ValueSource(strings = { GRAPHQL_RESPONSE, "application/json" })
    void answersInTheMediaTypeAsked(String accept) {
        client(accept).contentType("application/json").body(Map.of("query", "{ topics { slug } }"))
                .when().post("/graphql")
                .then().statusCode(200).contentType(startsWith(accept)).body("data.topics", notNullValue());
    }

    /** A variable declared String! fits introspection's own String arguments (the audit's "map {variables}" MUST). */
    @Test
    void aStringVariableFitsTheTypeArgumentOfIntrospection() {
        client("application/json").contentType("application/json")
                .body(Map.of("query", "query Type($name: String!) { __type(name: $name) { name } }",
                        "variables", Map.of("name", "Delegation")))
                .when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue()).body("data.__type.name", is("Delegation"));
    }

    /** The GraphQL-over-HTTP SHOULDs for clients that name no GraphQL media type: application/json. */
    @Test
    void anyOrNoAcceptHeaderGetsApplicationJson() throws Exception {
        for (String accept : new String[] { "*/*", "text/html, */*;q=0.8" }) {
            client(accept).contentType("application/json").body(Map.of("query", "{ topics { slug } }"))
                    .when().post("/graphql")
                    .then().statusCode(200).contentType(startsWith("application/json")).body("data.topics", notNullValue());
        }
        // RestAssured always sends an Accept header; the JDK's client sends none unless told.
        HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql.toURI())
                .header("Authorization", "Bearer " + token(Roles.VIEWER)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ topics { slug } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, none.statusCode());
        assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                none.headers()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"query\": ", "[{\"query\": \"{ topics { slug } }\"}]", "{\"variables\": {}}",
            "{\"query\": 42}", "{\"query\": \"{ topics { slug } }\", \"variables\": [1]}", "\"just a string\"" })
    void bodyThatIsNotOneGraphQLRequestIs400(String body) {
        for (String accept : List.of(GRAPHQL_RESPONSE, "application/json")) {
            client(accept).contentType("application/json").body(body)
                    .when().post("/graphql")
                    .then().statusCode(400).contentType(startsWith(accept))
                    .body("errors[0].extensions.code", is("BAD_REQUEST"), "data", nullValue());
        }
    }

    @Test
    void getPassesTextWithPercentAndPlusSignsUnchanged() {
        String text = "100% + more";
        client(GRAPHQL_RESPONSE).queryParam("query", "query($t: String) { persons(search: $t) { totalCount } }")
                .queryParam("variables", "{\"t\": \"" + text + "\"}").queryParam("operationName", "ignored")
                .when().get("/graphql")
                .then().statusCode(200).body("data.persons.totalCount", is(0));
        client(GRAPHQL_RESPONSE).queryParam("query", "{ persons(search: \"" + text + "\") { totalCount } }")
                .when().get("/graphql")
                .then().statusCode(200).body("data.persons.totalCount", is(0));
    }

    @Test
    void documentsMayBeSentAsApplicationGraphqlButNotEmpty() {
        client("application/json").contentType("application/graphql")
                .body("{ topics { slug } }".getBytes(StandardCharsets.UTF_8))
                .when().post("/graphql")
                .then().statusCode(200).body("data.topics", notNullValue());
        client("application/json").contentType("application/graphql").body(new byte[0])
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"));
    }

    @Test
    void otherMediaTypesAre415() {
        client("application/json").contentType("text/plain").body("{ topics { slug } }")
                .when().post("/graphql")
                .then().statusCode(415).body("errors[0].extensions.code", is("BAD_REQUEST"));
    }

    @Test
    void syntaxErrorIs400ForGraphQLResponseClientsAnd200ForJsonClients() {
        Map<String, Object> broken = Map.of("query", "{ topics { slug }");
        client(GRAPHQL_RESPONSE).contentType("application/json").body(broken).when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("GRAPHQL_PARSE_FAILED"), "data", nullValue());
        client("application/json").contentType("application/json").body(broken).when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", is("GRAPHQL_PARSE_FAILED"));
    }

    @Test
    void unknownFieldsAndWrongVariableTypesAreValidationFailures() {
        client(GRAPHQL_RESPONSE).contentType("application/json").body(Map.of("query", "{ topics { slug password } }"))
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("GRAPHQL_VALIDATION_FAILED"));
        client(GRAPHQL_RESPONSE).contentType("application/json")
                .body(Map.of("query", "query($n: Int) { delegations(first: $n) { totalCount } }", "variables",
                        Map.of("n", "ten")))
                .when().post("/graphql")
                .then().statusCode(400).body("errors.extensions.code", is(List.of("GRAPHQL_VALIDATION_FAILED")));
    }

    @Test
    void fieldErrorsKeepStatus200BecauseTheRequestItselfWasFine() {
        client(GRAPHQL_RESPONSE).contentType("application/json")
                .body(Map.of("query", "{ persons(first: 1000) { totalCount } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("errors[0].extensions.code", is("VALIDATION"));
    }

    @Test
    void queriesWorkWithGetAndMutationsAreRefused() {
        client(GRAPHQL_RESPONSE).queryParam("query", "{ topics { slug } }")
                .when().get("/graphql")
                .then().statusCode(200).body("data.topics", notNullValue());
        given().header("Authorization", "Bearer " + token(Roles.ADMIN)).accept(GRAPHQL_RESPONSE)
                .queryParam("query", "mutation { createTopic(input: {slug: \"via-get\", label: \"Via GET\"}) { slug } }")
                .when().get("/graphql")
                .then().statusCode(405).header("Allow", containsString("POST"))
                .body("errors[0].extensions.code", is("METHOD_NOT_ALLOWED"));
        client("application/json").contentType("application/json").body(Map.of("query", "{ topics { slug } }"))
                .when().put("/graphql")
                .then().statusCode(405).body("errors[0].extensions.code", is("METHOD_NOT_ALLOWED"));
        // The refused mutation did nothing.
        client("application/json").contentType("application/json").body(Map.of("query", "{ topics { slug } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("data.topics.slug", not(hasItem("via-get")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "99999999999999999999999999", "1e400", "3000000000", "1.5", "\"5\"", "true" })
    void anIntVariableThatIsNoIntIsAValidationFailureNamingTheArgument(String number) {
        client("application/json").contentType("application/json")
                .body("{\"query\": \"query($n: Int) { delegations(first: $n) { totalCount } }\", \"variables\": {\"n\": "
                        + number + "}}")
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors[0].extensions.code", is("GRAPHQL_VALIDATION_FAILED"), "errors[0].extensions.field", is("first"),
                        "errors[0].message", containsString("is not an Int"), "data", nullValue());
    }

    @Test
    void aLiteralThatIsNoIntIsAValidationFailure() {
        client("application/json").contentType("application/json")
                .body(Map.of("query",
                        "{ a: delegations(first: 99999999999) { totalCount } b: delegations(first: \"5\") { totalCount } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("errors.extensions.code", everyItem(is("GRAPHQL_VALIDATION_FAILED")),
                        "errors.size()", is(2), "data", nullValue());
    }

    @Test
    void aBodyWithAByteOrderMarkIs400() {
        byte[] json = "{\"query\": \"{ topics { slug } }\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        client(GRAPHQL_RESPONSE).contentType("application/json").body(withBom)
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"),
                        "errors[0].message", containsString("byte order mark"));
    }

    @Test
    void aKeyTwiceInTheBodyIs400RatherThanTheLastOneWinning() {
        for (String body : List.of("{\"query\": \"{ topics { slug } }\", \"query\": \"{ countries { code } }\"}",
                "{\"query\": \"query($a: Int) { topics { slug } }\", \"variables\": {\"a\": 1, \"a\": 2}}")) {
            client(GRAPHQL_RESPONSE).contentType("application/json").body(body)
                    .when().post("/graphql")
                    .then().statusCode(400).body("errors[0].extensions.code", is("BAD_REQUEST"),
                            "errors[0].message", containsString("twice"), "data", nullValue());
        }
    }

    @Test
    void errorsCarryNoLibraryClassification() {
        for (String query : List.of("{ topics { nope } }", "{ delegations(first: 1000) { totalCount } }",
                "{ delegations(first: 100) { nodes { members { person { delegationsLed { members { person { id } } } } } } } }")) {
            client("application/json").contentType("application/json").body(Map.of("query", query))
                    .when().post("/graphql")
                    .then().body("errors[0].extensions.code", notNullValue(),
                            "errors[0].extensions.classification", nullValue());
        }
    }

    @Test
    void withoutATokenNothingOfTheDocumentIsLookedAt() {
        // A made-up field and a real one get the same answer: the schema cannot be mapped without a token.
        for (String query : List.of("{ history(entity: \"Person\", id: \"1\") { secret } }", "{ topics { slug } }", "{ ")) {
            given().contentType("application/json").body(Map.of("query", query))
                    .when().post("/graphql")
                    .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("errors[0].extensions.code", is("UNAUTHENTICATED"), "errors[0].message",
                            not(containsString("secret")));
        }
    }
}
