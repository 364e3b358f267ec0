package org.attache.engine;

import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.postAs;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.attache.pressrelease.PressReleaseImportTest;
import org.attache.security.Roles;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * ATTACHE_FEDERATION=true: Attaché as an Apollo Federation v2 subgraph. _service gives the SDL a gateway composes
 * (linked to Federation 2.3, record types keyed by id, none of the plumbing); _entities reads a gateway's
 * representations, one statement per type, each record as its own query shows it to the caller. Composition and a
 * query through @apollo/gateway run in .ci/check-clients (src/test/node/federation.mjs).
 */
@QuarkusTest
@TestProfile(FederationTest.Federated.class)
class FederationTest {

    public static class Federated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attache.federation.enabled", "true");
        }
    }

    private static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { __typename"
            + " ... on Delegation { id title hostCountry { code } } ... on Person { id fullName } ... on Country { id name }"
            + " ... on Award { id name recipient { fullName } } } }";

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void theSubgraphSdlLinksFederationAndKeysEveryRecordType() {
        String sdl = post("{ _service { sdl } }").getString("data._service.sdl");
        assertTrue(sdl.startsWith("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])"),
                sdl);
        for (String type : List.of("Delegation", "Person", "Country", "Award", "AgendaItem", "Agreement", "Topic")) {
            assertTrue(sdl.matches("(?s).*\ntype " + type + " implements Node @key\\(fields : \"id\"\\) \\{.*"),
                    type + " is an entity keyed by id");
        }
        assertFalse(sdl.contains("_entities") || sdl.contains("_Service") || sdl.contains("_Any"),
                "the plumbing is the gateway's business, not the SDL's");
        // The published SDL stays the API's own, without keys or plumbing.
        String published = io.restassured.RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200).extract()
                .asString();
        assertFalse(published.contains("@key") || published.contains("_entities"), "the published SDL is unchanged");
    }

    @Test
    void entitiesAreReadInTheirOrderWithOneStatementPerType() {
        String head = person("Federated Head " + UUID.randomUUID(), "KAZ");
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        String award = ok("confer-award", "input", awardInput(head, "AZE", "2024-04-25", visit))
                .getString("data.conferAward.id");
        List<Map<String, Object>> representations = Arrays.asList(
                Map.of("__typename", "Delegation", "id", visit),
                Map.of("__typename", "Country", "id", "AZE"),
                Map.of("__typename", "Person", "id", head),
                Map.of("__typename", "Award", "id", award),
                Map.of("__typename", "Delegation", "id", "999999999"),
                Map.of("__typename", "Person", "id", Long.parseLong(head)));

        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        JsonPath answer = post(ENTITIES, "r", representations);
        long statements = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);

        assertNull(answer.get("errors"), answer::prettify);
        List<Map<String, Object>> entities = answer.getList("data._entities");
        assertEquals(representations.size(), entities.size());
        assertEquals(visit, entities.get(0).get("id"));
        assertEquals("AZE", answer.getString("data._entities[0].hostCountry.code"));
        assertEquals("Azerbaijan", entities.get(1).get("name"));
        assertEquals(head, entities.get(2).get("id"));
        assertEquals(answer.getString("data._entities[2].fullName"), answer.getString("data._entities[3].recipient.fullName"));
        assertNull(entities.get(4), "a key that names nothing is null");
        assertEquals(head, entities.get(5).get("id"), "a numeric id is the same key");
        // One statement per type named (4), and the nested fields' batches (a visit's host country, an award's
        // recipient): never one per representation.
        assertTrue(statements <= 8, "statements for six representations: " + statements);
    }

    @Test
    void draftsAreEntitiesForEditorsOnly() {
        JsonPath imported = ok("import-press-release", "input", PressReleaseImportTest.input(
                PressReleaseImportTest.visitRelease(UUID.randomUUID().toString()), "2024-06-12"));
        List<Map<String, Object>> draft = List.of(Map.of("__typename", "Delegation",
                "id", imported.getString("data.importPressRelease.delegation.id")));
        assertEquals("Delegation", postAs(token(Roles.EDITOR), ENTITIES, "r", draft).getString("data._entities[0].__typename"));
        JsonPath asViewer = postAs(token(Roles.VIEWER), ENTITIES, "r", draft);
        assertNull(asViewer.get("errors"), asViewer::prettify);
        assertEquals(Arrays.asList((Object) null), asViewer.getList("data._entities"));
    }

    @Test
    void aRepresentationThatIsNoEntityIsRefusedWithACode() {
        for (Object representation : List.of(Map.of("__typename", "Delegation"), Map.of("__typename", "Honour", "id", "1"),
                Map.of("id", "1"), "Delegation:1")) {
            JsonPath answer = post(ENTITIES, "r", List.of(representation));
            assertEquals("VALIDATION", answer.getString("errors[0].extensions.code"), answer::prettify);
            assertEquals("representations", answer.getString("errors[0].extensions.field"));
            assertFalse(answer.getString("errors[0].message").contains("Exception"));
        }
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= Subgraph.MAX_REPRESENTATIONS; i++) {
            tooMany.add(Map.of("__typename", "Person", "id", String.valueOf(i)));
        }
        assertEquals("VALIDATION", post(ENTITIES, "r", tooMany).getString("errors[0].extensions.code"));
    }
}
