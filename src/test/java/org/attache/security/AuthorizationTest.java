package org.attache.security;

import static io.restassured.RestAssured.given;
import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.personInput;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.document;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.runAs;
import static org.attache.GraphQL.token;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/** Every mutation refuses callers without the role it needs, and a refused mutation changes nothing. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

    String personId;
    String visitId;
    String itemId;
    String awardId;

    // RestAssured learns the test server's port only per test, so the records are made before the first one.
    @BeforeEach
    void recordOneOfEach() {
        if (personId != null) {
            return;
        }
        personId = person("Authorization Subject", "KAZ");
        visitId = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        itemId = ok("add-agenda-item", "delegationId", visitId, "input", agendaInput("MEETING", "Talks", "2024-04-25"))
                .getString("data.addAgendaItem.id");
        awardId = ok("confer-award", "input", awardInput(personId, "AZE", "2024-04-25", visitId))
                .getString("data.conferAward.id");
    }

    /** Variables with which the mutation would succeed for a caller holding its role. */
    private Object[] variables(String document) {
        return switch (document) {
            case "create-person" -> new Object[] { "input", personInput("Refused Person", "KAZ") };
            case "update-person" ->
                new Object[] { "id", personId, "input", personInput("Renamed", "KAZ"), "expectedVersion", 0 };
            case "create-delegation" -> new Object[] { "input", delegationInput("KAZ", "AZE", "2024-05-01") };
            case "update-delegation" -> new Object[] { "id", visitId, "input", delegationInput("KAZ", "AZE", "2024-04-26"),
                    "expectedVersion", 0 };
            case "delete-delegation" -> new Object[] { "id", visitId };
            case "add-agenda-item" ->
                new Object[] { "delegationId", visitId, "input", agendaInput("TALKS", "More", "2024-04-25") };
            case "update-agenda-item" -> new Object[] { "id", itemId, "input", agendaInput("TALKS", "Renamed", "2024-04-25"),
                    "expectedVersion", 0 };
            case "remove-agenda-item" -> new Object[] { "id", itemId };
            case "confer-award" -> new Object[] { "input", awardInput(personId, "AZE", "2024-04-25", visitId) };
            case "update-award" -> new Object[] { "id", awardId, "input", awardInput(personId, "KAZ", "2024-04-25", visitId),
                    "expectedVersion", 0 };
            case "revoke-award" -> new Object[] { "id", awardId };
            case "create-topic" -> new Object[] { "input", Map.of("slug", unique("t"), "label", "Refused") };
            default -> throw new IllegalArgumentException(document);
        };
    }

    /** Every mutation of the schema with the least role it needs (SchemaTest keeps the schema honest). */
    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({ "create-person, editor", "update-person, editor", "create-delegation, editor", "update-delegation, editor",
            "delete-delegation, admin", "add-agenda-item, editor", "update-agenda-item, editor", "remove-agenda-item, admin",
            "confer-award, editor", "update-award, editor", "revoke-award, admin", "create-topic, admin" })
    void mutationRefusesCallersBelowItsRoleAndChangesNothing(String document, String role) {
        String before = state();
        Object[] vars = variables(document);

        assertError(runAs(null, document, vars), "UNAUTHENTICATED", null);
        assertError(runAs(token(Roles.VIEWER), document, vars), "FORBIDDEN", null);
        if (role.equals(Roles.ADMIN)) {
            assertError(runAs(token(Roles.EDITOR), document, vars), "FORBIDDEN", null);
        }
        assertTokenRefused(forged(Roles.ADMIN), document, vars);
        assertTokenRefused(expired(Roles.ADMIN), document, vars);
        assertTokenRefused("not-a-token", document, vars);

        assertEquals(before, state(), "a refused mutation changed data");
    }

    @Test
    void editorRecordsAndEditsAndEveryChangeNamesItsAuthor() {
        String editor = token(Roles.EDITOR);
        JsonPath created = runAs(editor, "create-person", "input", personInput("Editor's Person", "AZE"));
        assertNull(created.get("errors"), created::prettify);
        String id = created.getString("data.createPerson.id");

        JsonPath updated = runAs(token(Roles.ADMIN), "update-person", "id", id, "input", personInput("Admin's Edit", "AZE"),
                "expectedVersion", 0);
        assertNull(updated.get("errors"), updated::prettify);

        JsonPath audit = ok("person-audit", "id", id);
        assertEquals("test-editor", audit.getString("data.person.createdBy"));
        assertEquals("test-admin", audit.getString("data.person.updatedBy"));
    }

    @Test
    void anEditorWithAVeryLongSubjectCanWriteAndIsRecordedWhole() {
        String subject = "https://idp.example.org/realms/defence/users/" + "x".repeat(400);
        String editor = Jwt.subject(subject).upn(subject).groups(Roles.EDITOR).expiresIn(3600).sign();
        JsonPath created = runAs(editor, "create-person", "input", personInput("Long Subject's Person", "AZE"));
        assertNull(created.get("errors"), created::prettify);
        JsonPath audit = ok("person-audit", "id", created.getString("data.createPerson.id"));
        assertEquals(subject, audit.getString("data.person.createdBy"));
    }

    @Test
    void aTokenWhoseGroupsAreAnObjectIsRefusedAs401NotAServerError() {
        String odd = signed("{\"iss\": \"attache-dev\", \"sub\": \"odd\", \"groups\": {\"role\": \"admin\"}, \"exp\": "
                + (System.currentTimeMillis() / 1000 + 3600) + "}");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + odd)
                .body(Map.of("query", "{ topics { slug } }"))
                .when().post("/graphql")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        // One group as a plain string is read as a list of one, as smallrye-jwt does (docs/api.md says so).
        String single = Jwt.subject("single").claim("groups", Roles.VIEWER).expiresIn(3600).sign();
        JsonPath topics = runAs(single, "topics");
        assertNull(topics.get("errors"), topics::prettify);
    }

    @Test
    void readsNeedATokenWhenAnonymousReadsAreOff() {
        assertError(runAs(null, "topics"), "UNAUTHENTICATED", null);
        JsonPath viewer = runAs(token(Roles.VIEWER), "topics");
        assertNull(viewer.get("errors"), viewer::prettify);
    }

    @Test
    void historyIsForAdminsOnly() {
        assertError(runAs(token(Roles.EDITOR), "history", "entity", "Person", "id", personId), "FORBIDDEN", null);
        assertError(runAs(null, "history", "entity", "Person", "id", personId), "UNAUTHENTICATED", null);
    }

    /** A token that cannot be trusted is refused before GraphQL runs (RFC 6750): HTTP 401, with the usual code. */
    private static void assertTokenRefused(String token, String document, Object[] variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", document(document), "variables", vars))
                .when().post("/graphql")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"), "data", nullValue());
    }

    /** The counts of everything plus every record the mutations address, as an admin reads them. */
    private String state() {
        return ok("record-counts").prettify() + ok("delegation", "id", visitId).prettify()
                + ok("person", "id", personId).prettify() + ok("agenda-item", "id", itemId).prettify()
                + ok("award", "id", awardId).prettify();
    }

    /** A token with these claims, signed by the trusted dev key: for shapes smallrye-jwt's builder refuses to make. */
    private static String signed(String claims) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String input = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            String pem = Files
                    .readString(Path.of(ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class)));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "")))));
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with the right claims signed by a key the service does not trust. */
    private static String forged(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.subject("forger").groups(role).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expired(String role) {
        long past = System.currentTimeMillis() / 1000 - 7200;
        return Jwt.subject("late").groups(role).issuedAt(past).expiresAt(past + 60).sign();
    }
}
