package org.attache.history;

import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.personInput;
import static org.attache.Fixtures.topic;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.attache.GraphQL.runAs;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every change through the API leaves one entry, in its own transaction: who, when, what, before and after. */
@QuarkusTest
class HistoryTest {

    @Inject
    AgroalDataSource database;

    @Test
    void createAndUpdateAreRecordedWithActorAndBothStates() {
        String id = runAs(token(Roles.EDITOR), "create-person", "input", personInput("Nurlan Historied", "KAZ"))
                .getString("data.createPerson.id");
        ok("update-person", "id", id, "input", personInput("Nurlan Historied-Renamed", "KAZ"), "expectedVersion", 0);

        JsonPath history = ok("history", "entity", "Person", "id", id);
        assertEquals(List.of("CREATE", "UPDATE"), history.getList("data.history.operation"));
        assertEquals(List.of("test-editor", "test-admin"), history.getList("data.history.actor"));
        assertNull(history.get("data.history[0].before"));
        assertEquals("Nurlan Historied", json(history.getString("data.history[0].after")).getString("full_name"));
        assertEquals("Nurlan Historied", json(history.getString("data.history[1].before")).getString("full_name"));
        JsonObject after = json(history.getString("data.history[1].after"));
        assertEquals("Nurlan Historied-Renamed", after.getString("full_name"));
        assertEquals(1, after.getInt("version"));
        assertEquals("test-admin", after.getString("updated_by"));
    }

    @Test
    void deletedVisitKeepsItsHistoryWithTheStateItHad() {
        String head = person("History Head", "KAZ");
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("members", List.of(Map.of("personId", head, "role", "Head of delegation")));
        String visit = delegation(input);
        ok("delete-delegation", "id", visit);

        JsonPath history = ok("history", "entity", "Delegation", "id", visit);
        assertEquals(List.of("CREATE", "DELETE"), history.getList("data.history.operation"));
        JsonObject before = json(history.getString("data.history[1].before"));
        assertEquals(Long.parseLong(head),
                before.getJsonArray("members").getJsonObject(0).getJsonNumber("person_id").longValue());
        assertEquals("military", before.getJsonArray("topics").getString(0));
        assertNull(history.get("data.history[1].after"));
    }

    @Test
    void failedChangeLeavesNoEntry() {
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("topics", List.of("no-such-topic"));
        assertError(run("update-delegation", "id", visit, "input", input, "expectedVersion", 0), "NOT_FOUND", "topics");

        assertEquals(List.of("CREATE"), ok("history", "entity", "Delegation", "id", visit).getList("data.history.operation"));
    }

    @Test
    void topicsAreAuditedToo() {
        String slug = topic();
        JsonPath history = ok("history", "entity", "Topic", "id", slug);
        assertEquals(List.of("CREATE"), history.getList("data.history.operation"));
        assertEquals(slug, json(history.getString("data.history[0].after")).getString("slug"));
    }

    @Test
    void unknownEntityIsAValidationError() {
        assertError(run("history", "entity", "Spaceship", "id", "1"), "VALIDATION", "entity");
    }

    @Test
    void historyCannotBeRewrittenEvenInSql() throws SQLException {
        String id = person("Append Only", "AZE");
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement
                            .executeUpdate("update change_history set actor = 'someone-else' where entity_id = '" + id + "'"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("delete from change_history"));
        }
        assertEquals(List.of("test-admin"), ok("history", "entity", "Person", "id", id).getList("data.history.actor"));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
