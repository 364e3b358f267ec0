package org.attache.delegation;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A visit's dates when they change: kept as sent, and never leaving its agenda or awards outside. */
@QuarkusTest
class VisitDatesTest {

    @Test
    void anUpdateKeepsAnEndDateThatWasSetAndOneThatIsNew() {
        Map<String, Object> input = delegationInput("TUR", "AZE", "2023-12-30");
        String visit = delegation(input);
        ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Talks", "2023-12-31"));

        input.put("endDate", "2024-01-02");
        assertEquals("2024-01-02", ok("update-delegation", "id", visit, "input", input, "expectedVersion", 0)
                .getString("data.updateDelegation.endDate"));
        input.put("title", "Working visit, corrected");
        assertEquals("2024-01-02", ok("update-delegation", "id", visit, "input", input, "expectedVersion", 1)
                .getString("data.updateDelegation.endDate"));
        assertEquals("2024-01-02", ok("delegation", "id", visit).getString("data.delegation.endDate"));
    }

    @Test
    void newDatesThatWouldStrandAnItemAfterTheEndAreRefusedOnEndDate() {
        Map<String, Object> input = delegationInput("TUR", "AZE", "2024-05-01");
        input.put("endDate", "2024-05-05");
        String visit = delegation(input);
        ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Talks", "2024-05-04"));
        input.put("endDate", "2024-05-03");
        assertError(run("update-delegation", "id", visit, "input", input, "expectedVersion", 0), "VALIDATION", "endDate");
        assertEquals("2024-05-05", ok("delegation", "id", visit).getString("data.delegation.endDate"));
    }

    @Test
    void newDatesThatWouldStrandAnAwardAreRefusedAndChangeNothing() {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2025-01-10");
        String visit = delegation(input);
        String recipient = person("Zaur Karimov", "AZE");
        ok("confer-award", "input", awardInput(recipient, "KAZ", "2025-02-01", visit));

        input.put("startDate", "2025-03-01");
        var refused = run("update-delegation", "id", visit, "input", input, "expectedVersion", 0);
        assertError(refused, "VALIDATION", "startDate");
        assertEquals("2025-01-10", ok("delegation", "id", visit).getString("data.delegation.startDate"));

        input.put("startDate", "2025-01-10");
        input.put("endDate", "2025-01-20");
        assertError(run("update-delegation", "id", visit, "input", input, "expectedVersion", 0), "VALIDATION", "endDate");
    }
}
