package org.attache.agenda;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AgendaApiTest {

    private static String twoDayVisit() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        input.put("endDate", "2024-04-26");
        return delegation(input);
    }

    @Test
    void addAgendaItemRecordsHonoursParticipantsAndTopics() {
        String visit = twoDayVisit();
        String guest = person(unique("Guest"), "KAZ");
        Map<String, Object> input = agendaInput("WELCOME_CEREMONY", "Solemn welcoming ceremony", "2024-04-25");
        input.put("startTime", "10:30:00");
        input.put("location", "Ministry of Defense");
        input.put("participantIds", List.of(guest));
        input.put("topics", List.of("military"));
        input.put("honours", List.of("GUARD_OF_HONOUR", "NATIONAL_ANTHEMS", "BOOK_OF_HONOUR"));
        JsonPath added = ok("add-agenda-item", "delegationId", visit, "input", input);

        JsonPath read = ok("agenda-item", "id", added.getString("data.addAgendaItem.id"));
        assertEquals("WELCOME_CEREMONY", read.getString("data.agendaItem.kind"));
        assertEquals("10:30:00", read.getString("data.agendaItem.startTime"));
        assertEquals("Ministry of Defense", read.getString("data.agendaItem.location"));
        assertEquals(List.of(guest), read.getList("data.agendaItem.participants.id"));
        assertEquals(List.of("military"), read.getList("data.agendaItem.topics.slug"));
        assertEquals(List.of("BOOK_OF_HONOUR", "GUARD_OF_HONOUR", "NATIONAL_ANTHEMS"), read.getList("data.agendaItem.honours"));
        assertEquals(visit, read.getString("data.agendaItem.delegation.id"));
    }

    @Test
    void agendaComesInDateAndTimeOrder() {
        String visit = twoDayVisit();
        Map<String, Object> late = agendaInput("TALKS", "Day two talks", "2024-04-26");
        Map<String, Object> untimed = agendaInput("OTHER", "Untimed", "2024-04-25");
        Map<String, Object> afternoon = agendaInput("MEETING", "Afternoon", "2024-04-25");
        afternoon.put("startTime", "15:00:00");
        Map<String, Object> morning = agendaInput("WREATH_LAYING", "Morning", "2024-04-25");
        morning.put("startTime", "09:00:00");
        for (Map<String, Object> item : List.of(late, untimed, afternoon, morning)) {
            ok("add-agenda-item", "delegationId", visit, "input", item);
        }
        assertEquals(List.of("Morning", "Afternoon", "Untimed", "Day two talks"),
                ok("delegation", "id", visit).getList("data.delegation.agenda.title"));
    }

    @Test
    void addAgendaItemRejectsDateOutsideTheVisit() {
        String visit = twoDayVisit();
        assertError(run("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Too late", "2024-04-27")),
                "VALIDATION", "date");
        assertError(run("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Too early", "2024-04-24")),
                "VALIDATION", "date");
        assertEquals(List.of(), ok("delegation", "id", visit).getList("data.delegation.agenda"));
    }

    @Test
    void addAgendaItemRejectsUnknownVisitParticipantAndBlankTitle() {
        assertError(run("add-agenda-item", "delegationId", "987654321", "input", agendaInput("MEETING", "Talks", "2024-04-25")),
                "NOT_FOUND", "delegationId");
        String visit = twoDayVisit();
        Map<String, Object> input = agendaInput("MEETING", "Talks", "2024-04-25");
        input.put("participantIds", List.of("987654321"));
        assertError(run("add-agenda-item", "delegationId", visit, "input", input), "VALIDATION", "participantIds[0]");
        assertError(run("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "", "2024-04-25")),
                "VALIDATION", "title");
        assertEquals(List.of(), ok("delegation", "id", visit).getList("data.delegation.agenda"));
    }

    @Test
    void updateAgendaItemChecksVersionAndDates() {
        String visit = twoDayVisit();
        String id = ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Talks", "2024-04-25"))
                .getString("data.addAgendaItem.id");
        JsonPath updated = ok("update-agenda-item", "id", id, "input", agendaInput("TALKS", "Talks, day two", "2024-04-26"),
                "expectedVersion", 0);
        assertEquals(1, updated.getInt("data.updateAgendaItem.version"));
        assertEquals("2024-04-26", updated.getString("data.updateAgendaItem.date"));

        assertError(
                run("update-agenda-item", "id", id, "input", agendaInput("TALKS", "Stale", "2024-04-26"), "expectedVersion", 0),
                "CONFLICT", null);
        assertError(
                run("update-agenda-item", "id", id, "input", agendaInput("TALKS", "Outside", "2024-05-01"), "expectedVersion",
                        1),
                "VALIDATION", "date");
        assertError(
                run("update-agenda-item", "id", "987654321", "input", agendaInput("TALKS", "x", "2024-04-26"),
                        "expectedVersion", 0),
                "NOT_FOUND", "id");
        assertEquals("Talks, day two", ok("agenda-item", "id", id).getString("data.agendaItem.title"));
    }

    @Test
    void removeAgendaItemDeletesOnlyThatItem() {
        String visit = twoDayVisit();
        String gone = ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Gone", "2024-04-25"))
                .getString("data.addAgendaItem.id");
        ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Kept", "2024-04-25"));
        assertEquals(gone, ok("remove-agenda-item", "id", gone).getString("data.removeAgendaItem"));
        assertNull(ok("agenda-item", "id", gone).get("data.agendaItem"));
        assertEquals(List.of("Kept"), ok("delegation", "id", visit).getList("data.delegation.agenda.title"));
        assertError(run("remove-agenda-item", "id", gone), "NOT_FOUND", "id");
    }
}
