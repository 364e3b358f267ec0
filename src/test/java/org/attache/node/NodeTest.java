package org.attache.node;

import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.postAs;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.attache.Fixtures;
import org.attache.api.NodeIds;
import org.attache.pressrelease.PressReleaseImportTest;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Relay's Global Object Identification: every record type's nodeId, resolved by node(id:) and nodes(ids:) to the
 * record its own query shows (drafts to editors only), null for what names nothing.
 */
@QuarkusTest
class NodeTest {

    private static final String NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename nodeId"
            + " ... on Delegation { id title } ... on Country { id code } ... on Person { id fullName }"
            + " ... on Topic { id slug } ... on PressReleaseImport { id } } }";

    @Test
    void everyRecordTypeIsFoundAgainByItsNodeId() {
        String person = Fixtures.person("Sultan Kamaletdinov", "KAZ");
        String visit = Fixtures.delegation(Fixtures.delegationInput("KAZ", "AZE", "2024-04-25"));
        JsonPath read = post("query($v: ID!, $p: ID!) { delegation(id: $v) { nodeId hostCountry { nodeId } topics { nodeId } }"
                + " person(id: $p) { nodeId } }", "v", visit, "p", person);
        String visitNode = read.getString("data.delegation.nodeId");
        String countryNode = read.getString("data.delegation.hostCountry.nodeId");
        String topicNode = read.getString("data.delegation.topics[0].nodeId");
        String personNode = read.getString("data.person.nodeId");
        assertNotEquals(visit, visitNode, "a node id names the type too");

        JsonPath one = post("query($id: ID!) { node(id: $id) { __typename nodeId ... on Delegation { id } } }", "id",
                visitNode);
        assertEquals("Delegation", one.getString("data.node.__typename"));
        assertEquals(visit, one.getString("data.node.id"));

        String missing = NodeIds.encode("Delegation", "999999999");
        List<String> ids = Arrays.asList(countryNode, visitNode, "not a node id", personNode, missing, topicNode,
                NodeIds.encode("Nothing", "1"));
        JsonPath answer = post(NODES, "ids", ids);
        assertNull(answer.get("errors"), answer::prettify);
        List<Map<String, Object>> nodes = answer.getList("data.nodes");
        assertEquals(ids.size(), nodes.size());
        assertEquals("Country", nodes.get(0).get("__typename"));
        assertEquals("AZE", nodes.get(0).get("code"));
        assertEquals(visit, nodes.get(1).get("id"));
        assertNull(nodes.get(2));
        assertEquals("Sultan Kamaletdinov", nodes.get(3).get("fullName"));
        assertNull(nodes.get(4));
        assertEquals("military", nodes.get(5).get("slug"));
        assertNull(nodes.get(6));
        for (int i : new int[] { 0, 1, 3, 5 }) {
            assertEquals(ids.get(i), nodes.get(i).get("nodeId"));
        }
    }

    @Test
    void draftsAndImportsAreFoundByEditorsOnly() {
        JsonPath imported = ok("import-press-release", "input", PressReleaseImportTest.input(
                PressReleaseImportTest.visitRelease(UUID.randomUUID().toString()), "2024-06-12"));
        String draft = NodeIds.encode("Delegation", imported.getString("data.importPressRelease.delegation.id"));
        String release = NodeIds.encode("PressReleaseImport", imported.getString("data.importPressRelease.id"));
        List<String> ids = List.of(draft, release);
        List<Object> asEditor = postAs(token(Roles.EDITOR), NODES, "ids", ids).getList("data.nodes");
        assertEquals(List.of("Delegation", "PressReleaseImport"),
                asEditor.stream().map(n -> ((Map<?, ?>) n).get("__typename")).toList());
        List<Object> asViewer = postAs(token(Roles.VIEWER), NODES, "ids", ids).getList("data.nodes");
        assertEquals(Arrays.asList(null, null), asViewer);
    }

    @Test
    void aBoundedNumberOfIdsAtOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= NodeService.MAX_IDS; i++) {
            ids.add(NodeIds.encode("Person", String.valueOf(i)));
        }
        assertEquals("VALIDATION", post(NODES, "ids", ids).getString("errors[0].extensions.code"));
    }
}
