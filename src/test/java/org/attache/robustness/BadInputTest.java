package org.attache.robustness;

import static io.restassured.RestAssured.given;
import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.personInput;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.Json;

/**
 * A corpus of bad requests, sent as a hostile client would: none gets a 5xx, every error carries a code, nothing
 * internal leaks, and the database is exactly as it was afterwards. Injection strings, which are valid text, are
 * also stored and read back verbatim in every text field.
 */
@QuarkusTest
class BadInputTest {

    static final List<String> INJECTIONS = List.of("'; DROP TABLE delegation; --", "\" OR 1=1 --", "%' OR '1'='1",
            "1); DELETE FROM person; --", "$$; TRUNCATE change_history; $$", "\\'\\\\", "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd", "Robert'); --");

    static final List<String> CONTROL = List.of("NUL\u0000inside", "bell\u0007", "escape\u001b[31m", "rtl\u202eevil",
            "line\r\nbreak", "\uFEFFbom", "\uD83D\uDE00 emoji", "zero\u200bwidth");

    @Inject
    AgroalDataSource database;

    @Test
    void corpusOfBadRequestsIsAnsweredWithCodesAndChangesNothing() throws SQLException {
        String visit = ok("create-delegation", "input", delegationInput("KAZ", "AZE", "2024-04-25"))
                .getString("data.createDelegation.id");
        String before = fingerprint();

        List<String> bodies = new ArrayList<>(List.of(
                "", "{", "nul", "{\"query\": \"{ topics { slug } }\"", "[]", "42", "\"{ topics { slug } }\"",
                "[{\"query\": \"{ topics { slug } }\"}, {\"query\": \"mutation { deleteDelegation(id: \\\"" + visit
                        + "\\\") }\"}]",
                "{\"query\": null}", "{\"query\": [\"{ topics { slug } }\"]}",
                "{\"query\": \"{ topics { slug } }\", \"variables\": \"x\"}",
                "{\"query\": \"{ topics { slug } }\", \"operationName\": 7}", "\u0000\u0001\u0002",
                "{\"query\": \"\\u0000\"}"));
        // Wrong types, unknown fields and arguments, broken documents.
        for (String document : List.of("{ topics { slug nope } }", "{ delegations(first: \"ten\") { totalCount } }",
                "{ delegations(orderBy: SIDEWAYS) { totalCount } }", "{ delegation { id } }",
                "{ delegation(id: 1, extra: 2) { id } }",
                "{ delegations(filter: { from: \"2024-13-45\" }) { totalCount } }",
                "{ delegations(filter: { evil: 1 }) { totalCount } }",
                "mutation { deleteDelegation(id: \"" + visit + "\") ",
                "mutation { createPerson(input: { fullName: 42, country: \"KAZ\" }) { id } }",
                "mutation { createPerson(input: { fullName: \"X\", country: \"KAZ\", admin: true }) { id } }",
                "mutation { updateDelegation(id: \"" + visit + "\", expectedVersion: \"one\", input: {}) { id } }",
                "subscription { delegations { totalCount } }", "query A { topics { slug } } query A { topics { label } }",
                "{ " + "topics { slug } ".repeat(40) + "}", "{ a: __typename b: __typename }",
                "fragment F on Query { ...F } { ...F }")) {
            bodies.add(json(document, Map.of()));
        }
        // Deep and wide.
        bodies.add(json("{ delegations { nodes { head { delegationsLed { head { delegationsLed { head { delegationsLed { head {"
                + " delegationsLed { head { delegationsLed { head { delegationsLed { id } } } } } } } } } } } } } }",
                Map.of()));
        bodies.add(
                json("{ delegations(first: 100) { nodes { agenda { participants { delegationsLed { agenda { id } } } } } } }",
                        Map.of()));
        bodies.add(json("{ " + "topics { slug } ".repeat(3000) + "}", Map.of()));
        // Huge strings, control characters and injection strings in every filter and argument that reads.
        List<String> hostile = new ArrayList<>(INJECTIONS);
        hostile.addAll(CONTROL);
        hostile.add("x".repeat(100_000));
        for (String value : hostile) {
            bodies.add(json("query($v: String) { persons(search: $v) { totalCount } }", Map.of("v", value)));
            bodies.add(json("query($v: String) { persons(country: $v) { totalCount } }", Map.of("v", value)));
            bodies.add(json("query($v: DelegationFilter) { delegations(filter: $v) { totalCount } }", Map.of("v", Map.of(
                    "text", value))));
            for (String field : List.of("hostCountry", "visitingCountry", "country", "personId", "topic")) {
                bodies.add(json("query($v: DelegationFilter) { delegations(filter: $v) { totalCount } }", Map.of("v",
                        Map.of(field, value))));
            }
            bodies.add(json("query($v: AwardFilter) { awards(filter: $v) { totalCount } }",
                    Map.of("v", Map.of("conferredBy", value,
                            "recipientId", value))));
            bodies.add(json("query($v: String) { delegations(after: $v) { totalCount } }", Map.of("v", value)));
            bodies.add(json("query($v: ID!) { delegation(id: $v) { id } person(id: $v) { id } award(id: $v) { id }"
                    + " agendaItem(id: $v) { id } }", Map.of("v", value)));
            bodies.add(json("query($v: String!) { country(code: $v) { code } cooperationStats(country: $v) { visitsHosted } }",
                    Map.of("v", value)));
            bodies.add(json("query($v: String!, $id: ID!) { history(entity: $v, id: $id) { operation } }", Map.of("v", value,
                    "id", value)));
            // Writes with the hostile value where an id or code belongs: refused, nothing written.
            bodies.add(json("mutation($v: ID!) { deleteDelegation(id: $v) }", Map.of("v", value)));
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
            input.put("hostCountry", value);
            bodies.add(json("mutation($v: DelegationInput!) { createDelegation(input: $v) { id } }", Map.of("v", input)));
        }
        // Text over its limit, and text PostgreSQL cannot store, in the fields of every kind of record.
        for (boolean tooLong : List.of(true, false)) {
            String nul = "NUL\u0000inside";
            bodies.add(json("mutation($v: PersonInput!) { createPerson(input: $v) { id } }",
                    Map.of("v", personInput(tooLong ? "y".repeat(201) : nul, "KAZ"))));
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
            input.put("title", tooLong ? "z".repeat(301) : nul);
            input.put("summary", tooLong ? "s".repeat(10_001) : nul);
            bodies.add(json("mutation($v: DelegationInput!) { createDelegation(input: $v) { id } }", Map.of("v", input)));
            bodies.add(json("mutation($id: ID!, $v: AgendaItemInput!) { addAgendaItem(delegationId: $id, input: $v) { id } }",
                    Map.of("id", visit, "v", agendaInput("MEETING", tooLong ? "t".repeat(301) : nul, "2024-04-25"))));
            Map<String, Object> award = awardInput("1", "AZE", "2024-04-25", null);
            award.put("citation", tooLong ? "c".repeat(10_001) : nul);
            bodies.add(json("mutation($v: AwardInput!) { conferAward(input: $v) { id } }", Map.of("v", award)));
        }
        List<String> problems = new ArrayList<>();
        for (String body : bodies) {
            Response response = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token(Roles.ADMIN))
                    .body(body).when().post("/graphql");
            String problem = problem(response);
            if (problem != null) {
                problems.add(problem + " for " + abbreviate(body) + ": " + abbreviate(response.asString()));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(before, fingerprint(), "a bad request changed the database");
    }

    @Test
    void injectionStringsAreStoredAndReadBackVerbatimInEveryTextField() {
        for (String text : INJECTIONS) {
            Map<String, Object> personInput = personInput(text, "KAZ");
            personInput.put("rank", text);
            personInput.put("position", text);
            String personId = ok("create-person", "input", personInput).getString("data.createPerson.id");

            Map<String, Object> visitInput = delegationInput("KAZ", "AZE", "2024-04-25");
            visitInput.put("title", text);
            visitInput.put("summary", text);
            visitInput.put("members", List.of(Map.of("personId", personId, "role", text, "position", text)));
            visitInput.put("sources", List.of(Map.of("outlet", text, "title", text)));
            String visitId = ok("create-delegation", "input", visitInput).getString("data.createDelegation.id");

            Map<String, Object> item = agendaInput("MEETING", text, "2024-04-25");
            item.put("location", text);
            item.put("description", text);
            ok("add-agenda-item", "delegationId", visitId, "input", item);
            Map<String, Object> award = awardInput(personId, "AZE", "2024-04-25", visitId);
            award.put("name", text);
            award.put("citation", text);
            ok("confer-award", "input", award);

            JsonPath read = ok("delegation", "id", visitId);
            String d = "data.delegation.";
            for (String path : List.of("title", "summary", "members[0].role", "members[0].position",
                    "members[0].person.fullName",
                    "sources[0].outlet", "sources[0].title", "agenda[0].title", "awards[0].name")) {
                assertEquals(text, read.getString(d + path), path);
            }
            JsonPath found = ok("persons", "search", text);
            assertTrue(found.getList("data.persons.edges.node.id").contains(personId), text);
        }
        // The statements in those strings never ran: every table is still there and still filled.
        assertTrue(ok("record-counts").getInt("data.persons.totalCount") >= INJECTIONS.size());
    }

    /** What is wrong with the answer to a bad request, or null. */
    private static String problem(Response response) {
        if (response.statusCode() >= 500) {
            return "status " + response.statusCode();
        }
        List<Map<String, Object>> errors;
        try {
            errors = response.jsonPath().getList("errors");
        } catch (RuntimeException notJson) {
            return "not JSON";
        }
        for (Map<String, Object> error : errors == null ? List.<Map<String, Object>> of() : errors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
            if (extensions == null || extensions.get("code") == null) {
                return "no code";
            }
            if ("INTERNAL".equals(extensions.get("code")) || extensions.get("exception") != null) {
                return "internal error";
            }
            if (String.valueOf(error.get("message")).matches("(?s).*(Exception|org\\.|java\\.|SQL|select |insert |\\tat ).*")) {
                return "internal detail in the message";
            }
        }
        return null;
    }

    /** Every table's rows, hashed: equal fingerprints mean equal data. */
    private String fingerprint() throws SQLException {
        StringBuilder print = new StringBuilder();
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            for (String table : List.of("country", "topic", "person", "delegation", "delegation_participant",
                    "delegation_topic",
                    "delegation_source", "agenda_item", "agenda_item_participant", "agenda_item_topic", "agenda_item_honour",
                    "award", "change_history", "country_activity")) {
                try (var rows = statement
                        .executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                                + " from " + table + " t")) {
                    rows.next();
                    print.append(table).append('=').append(rows.getLong(1)).append(':').append(rows.getString(2)).append('\n');
                }
            }
        }
        return print.toString();
    }

    private static String json(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return Json.encode(body);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
