package org.attache.engine;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.personInput;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.post;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Values inside inputs and filters: dates in their range and written one way, times to the minute, text counted in
 * characters with something visible in it and no NUL. Every refusal is a VALIDATION error naming the field as the
 * client wrote it, inline or in a variable, and quoting no syntax tree.
 */
@QuarkusTest
class InputValuesTest {

    private static final String CREATE_INLINE = "mutation { createDelegation(input: {title: \"Visit\", kind: OFFICIAL_VISIT,"
            + " status: COMPLETED, visitingCountry: \"KAZ\", hostCountry: \"AZE\", startDate: \"%s\"}) { id } }";

    @Test
    void impossibleOrMisspelledDatesNameTheirFieldInlineAndInVariables() {
        for (String date : List.of("2023-02-29", "2024-13-01", "01/01/2024", "2024-4-5", "")) {
            assertReadableRefusal(post(String.format(CREATE_INLINE, date)), "startDate", date);
            Map<String, Object> input = delegationInput("KAZ", "AZE", date);
            assertReadableRefusal(run("create-delegation", "input", input), "startDate", date);
        }
        assertReadableRefusal(run("delegations", "filter", Map.of("from", "2024-02-30")), "filter.from", "2024-02-30");
        assertReadableRefusal(post("{ delegations(filter: {to: \"2024-02-30\"}) { totalCount } }"), "filter.to", "2024-02-30");
        Map<String, Object> sourced = delegationInput("KAZ", "AZE", "2024-04-25");
        sourced.put("sources",
                List.of(Map.of("outlet", "mod.gov.az"), Map.of("outlet", "mod.gov.kz", "publishedOn", "2024-04-31")));
        assertReadableRefusal(run("create-delegation", "input", sourced), "sources[1].publishedOn", "2024-04-31");
    }

    @Test
    void datesOutsideTheRecordedRangeAreRefusedAndItsEdgesAccepted() {
        for (String date : List.of("0001-01-01", "-0001-01-01", "+10000-01-01", "0224-05-05", "1899-12-31", "2101-01-01")) {
            assertReadableRefusal(run("create-delegation", "input", delegationInput("KAZ", "AZE", date)), "startDate", date);
            assertReadableRefusal(
                    run("cooperation-stats", "country", "KAZ", "from", date, "to", "2024-01-01", "interval", "YEAR"), "from",
                    date);
        }
        for (String date : List.of("1900-01-01", "2100-12-31")) {
            String visit = delegation(delegationInput("KAZ", "AZE", date));
            assertEquals(date, ok("delegation", "id", visit).getString("data.delegation.startDate"));
        }
        // With the range held, statistics over all time stay within their period limit.
        ok("cooperation-stats", "country", "KAZ", "interval", "YEAR");
    }

    @Test
    void timesAreKeptToTheMinuteAndReadBackAsAnswered() {
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        for (String time : List.of("00:00", "09:30", "23:59", "10:15:00")) {
            Map<String, Object> item = agendaInput("MEETING", "Meeting at " + time, "2024-04-25");
            item.put("startTime", time);
            JsonPath added = ok("add-agenda-item", "delegationId", visit, "input", item);
            String answered = added.getString("data.addAgendaItem.startTime");
            assertEquals(time.substring(0, 5) + ":00", answered);
            assertEquals(answered,
                    ok("agenda-item", "id", added.getString("data.addAgendaItem.id")).getString("data.agendaItem.startTime"));
        }
        for (String time : List.of("24:00", "9am", "10:15+03:00", "23:59:59.999999", "12:00:00.1234567", "12:00:30")) {
            Map<String, Object> item = agendaInput("MEETING", "Meeting", "2024-04-25");
            item.put("startTime", time);
            assertReadableRefusal(run("add-agenda-item", "delegationId", visit, "input", item), "startTime", time);
        }
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String name = "a".repeat(199) + "\uD83C\uDF96"; // 199 letters and a military medal emoji: 200 characters
        assertEquals(name, ok("create-person", "input", personInput(name, "AZE")).getString("data.createPerson.fullName"));
        assertError(run("create-person", "input", personInput(name + "b", "AZE")), "VALIDATION", "fullName");
    }

    @Test
    void namesWithNothingVisibleAreRefused() {
        for (String invisible : List.of("\u200B", " \u200D\u2060 ", "\uFEFF", "\u0007")) {
            assertError(run("create-person", "input", personInput(invisible, "AZE")), "VALIDATION", "fullName");
        }
        // Invisible optional text is treated as absent, like blank text.
        Map<String, Object> input = personInput("Karim Valiyev", "AZE");
        input.put("rank", "\u200B");
        assertEquals(null, ok("create-person", "input", input).getString("data.createPerson.rank"));
    }

    @Test
    void nulInAnyTextIsAFieldLevelRefusal() {
        assertError(run("create-person", "input", personInput("Karim\u0000 Valiyev", "AZE")), "VALIDATION", "fullName");
        assertError(run("delegations", "filter", Map.of("text", "a\u0000b")), "VALIDATION", "filter.text");
        assertError(post("{ persons(search: \"a\\u0000b\") { totalCount } }"), "VALIDATION", "search");
    }

    @Test
    void aParticipantListedTwiceIsRefusedAsForMembers() {
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        String someone = person("Sultan Kamaletdinov", "KAZ");
        Map<String, Object> item = agendaInput("MEETING", "Meeting", "2024-04-25");
        item.put("participantIds", List.of(someone, someone));
        assertError(run("add-agenda-item", "delegationId", visit, "input", item), "VALIDATION", "participantIds[1]");
        assertEquals(0, ok("delegation", "id", visit).getList("data.delegation.agenda").size());
    }

    @Test
    void aVariableOfTheWrongTypeIsNamedWithoutTheSyntaxTree() {
        JsonPath response = post("query Q($n: Int) { delegations(first: $n) { totalCount } }", "n", "ten");
        String message = response.getString("errors[0].message");
        assertFalse(message.contains("StringValue"), message);
        assertTrue(message.contains("\"ten\""), message);
        assertEquals("first", response.getString("errors[0].extensions.field"));

        for (JsonPath wrong : List.of(post("{ cooperationStats(country: \"AZE\", interval: WEEK) { start } }"),
                post("query Q($o: DelegationOrder) { delegations(orderBy: $o) { totalCount } }", "o", "SIDEWAYS"))) {
            String text = wrong.getString("errors[0].message");
            assertFalse(text.contains("Value{"), text);
            assertEquals("GRAPHQL_VALIDATION_FAILED", wrong.getString("errors[0].extensions.code"));
            assertTrue(List.of("interval", "orderBy").contains(wrong.getString("errors[0].extensions.field")), wrong::prettify);
        }
        Map<String, Object> item = agendaInput("MEETING", "Meeting", "2024-04-25");
        item.put("honours", List.of("WREATH", "CAKE"));
        JsonPath cake = run("add-agenda-item", "delegationId", "1", "input", item);
        assertEquals("honours[1]", cake.getString("errors[0].extensions.field"), cake::prettify);
    }

    /** A refusal as a person should read it: VALIDATION, the field, the value as sent, no syntax tree. */
    @Test
    void aRequiredInputFieldLeftOutIsNamedWhereItIsMissing() {
        JsonPath inline = post("mutation { createPerson(input: { fullName: \"Nobody\" }) { id } }");
        assertError(inline, "GRAPHQL_VALIDATION_FAILED", "country");
        assertEquals("country: a value is required.", inline.getString("errors[0].message"));
        Map<String, Object> person = new java.util.HashMap<>(personInput("Nobody", "AZE"));
        person.remove("country");
        JsonPath variable = run("create-person", "input", person);
        assertError(variable, "GRAPHQL_VALIDATION_FAILED", "country");
        assertEquals("country: a value is required.", variable.getString("errors[0].message"));
        Map<String, Object> sourced = delegationInput("KAZ", "AZE", "2024-04-25");
        sourced.put("sources", List.of(Map.of("outlet", "mod.gov.az"), Map.of("url", "https://mod.gov.kz/1")));
        JsonPath nested = run("create-delegation", "input", sourced);
        assertError(nested, "GRAPHQL_VALIDATION_FAILED", "sources[1].outlet");
        assertFalse(nested.getString("errors[0].message").contains("Value{"), nested.prettify());
        JsonPath two = post("mutation { createPerson(input: { rank: \"Major\" }) { id } }");
        assertEquals("fullName: a value is required (and for country).", two.getString("errors[0].message"));
        JsonPath whole = run("create-person", "input", null);
        assertError(whole, "GRAPHQL_VALIDATION_FAILED", "input");
        assertEquals("input: a value is required.", whole.getString("errors[0].message"));
    }

    private static void assertReadableRefusal(JsonPath response, String field, String value) {
        assertError(response, "VALIDATION", field);
        String message = response.getString("errors[0].message");
        assertTrue(message.startsWith(field + ": "), message);
        assertTrue(message.contains(value), message);
        assertFalse(message.contains("Value{"), message);
    }
}
