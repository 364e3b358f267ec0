package org.attache.award;

import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.assertError;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AwardApiTest {

    @Test
    void conferAwardRecordsItAndShowsOnVisitAndRecipient() {
        String recipient = person(unique("Attache"), "AZE");
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        Map<String, Object> input = awardInput(recipient, "kaz", "2024-04-25", visit);
        input.put("citation", "For contribution in the development of international cooperation");
        JsonPath conferred = ok("confer-award", "input", input);
        String id = conferred.getString("data.conferAward.id");
        assertEquals("KAZ", conferred.getString("data.conferAward.conferredBy.code"));
        assertEquals(recipient, conferred.getString("data.conferAward.recipient.id"));
        assertEquals(visit, conferred.getString("data.conferAward.delegation.id"));

        assertEquals(List.of(id), ok("delegation", "id", visit).getList("data.delegation.awards.id"));
        assertEquals(List.of(id), ok("person", "id", recipient).getList("data.person.awardsReceived.id"));
    }

    @Test
    void conferAwardRejectsUnknownRecipient() {
        assertError(run("confer-award", "input", awardInput("987654321", "KAZ", "2024-04-25", null)), "VALIDATION",
                "recipientId");
    }

    @Test
    void conferAwardRejectsUnknownVisitCountryAndDateOutsideTheVisit() {
        String recipient = person(unique("Recipient"), "AZE");
        assertError(run("confer-award", "input", awardInput(recipient, "KAZ", "2024-04-25", "987654321")), "VALIDATION",
                "delegationId");
        assertError(run("confer-award", "input", awardInput(recipient, "QQQ", "2024-04-25", null)), "NOT_FOUND", "conferredBy");
        String visit = delegation(delegationInput("KAZ", "AZE", "2024-04-25"));
        assertError(run("confer-award", "input", awardInput(recipient, "KAZ", "2024-04-20", visit)), "VALIDATION",
                "conferredOn");
        assertEquals(List.of(), ok("person", "id", recipient).getList("data.person.awardsReceived"));
    }

    @Test
    void updateAwardChecksVersionAndRevokeRemovesIt() {
        String recipient = person(unique("Recipient"), "AZE");
        String id = ok("confer-award", "input", awardInput(recipient, "KAZ", "2024-04-25", null))
                .getString("data.conferAward.id");
        Map<String, Object> input = awardInput(recipient, "KAZ", "2024-04-25", null);
        input.put("kind", "ORDER");
        assertEquals("ORDER",
                ok("update-award", "id", id, "input", input, "expectedVersion", 0).getString("data.updateAward.kind"));
        assertError(run("update-award", "id", id, "input", input, "expectedVersion", 0), "CONFLICT", null);
        assertError(run("update-award", "id", "987654321", "input", input, "expectedVersion", 0), "NOT_FOUND", "id");

        assertEquals(id, ok("revoke-award", "id", id).getString("data.revokeAward"));
        assertNull(ok("award", "id", id).get("data.award"));
        assertError(run("revoke-award", "id", id), "NOT_FOUND", "id");
    }

    @Test
    void awardsFilterAndPageMostRecentFirst() {
        String recipient = person(unique("Decorated"), "AZE");
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            ids.add(ok("confer-award", "input", awardInput(recipient, day % 2 == 0 ? "TUR" : "KAZ", "2022-03-0" + day, null))
                    .getString("data.conferAward.id"));
        }
        JsonPath first = ok("awards", "filter", Map.of("recipientId", recipient), "first", 3);
        assertEquals(5, first.getInt("data.awards.totalCount"));
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2)), first.getList("data.awards.edges.node.id"));
        JsonPath second = ok("awards", "filter", Map.of("recipientId", recipient), "first", 3,
                "after", first.getString("data.awards.pageInfo.endCursor"));
        assertEquals(List.of(ids.get(1), ids.get(0)), second.getList("data.awards.edges.node.id"));
        assertEquals(false, second.getBoolean("data.awards.pageInfo.hasNextPage"));

        assertEquals(2, ok("awards", "filter", Map.of("recipientId", recipient, "conferredBy", "TUR"))
                .getInt("data.awards.totalCount"));
        assertEquals(3, ok("awards", "filter", Map.of("recipientId", recipient, "from", "2022-03-03"))
                .getInt("data.awards.totalCount"));
        assertEquals(2,
                ok("awards", "filter", Map.of("recipientId", recipient, "to", "2022-03-02")).getInt("data.awards.totalCount"));
        assertError(run("awards", "filter", Map.of("recipientId", "987654321")), "NOT_FOUND", "filter.recipientId");
        assertError(run("awards", "filter", Map.of("delegationId", "987654321")), "NOT_FOUND", "filter.delegationId");
    }
}
