package org.attache.delegation;

import static org.attache.Fixtures.agendaInput;
import static org.attache.Fixtures.awardInput;
import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.Fixtures.person;
import static org.attache.Fixtures.topic;
import static org.attache.Fixtures.unique;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * SmallRye resolves a request's nested fields in parallel on worker threads. Under concurrent load every response
 * must still be whole: no resolver may use another's Hibernate session (a shared one fails with closed statements,
 * a closed session or a leaked connection).
 */
@QuarkusTest
class ParallelReadsTest {

    @Test
    void concurrentDeeplyNestedReadsAllSucceedWithTheSameAnswer() throws Exception {
        String topic = topic();
        for (int i = 0; i < 5; i++) {
            String head = person(unique("Head"), "KAZ");
            Map<String, Object> input = delegationInput("KAZ", "AZE", "2021-05-1" + i);
            input.put("topics", List.of(topic));
            input.put("headId", head);
            input.put("members", List.of(Map.of("personId", head)));
            String visit = delegation(input);
            ok("add-agenda-item", "delegationId", visit, "input", agendaInput("MEETING", "Talks", "2021-05-1" + i));
            ok("confer-award", "input", awardInput(head, "AZE", "2021-05-1" + i, visit));
        }
        Object expected = ok("delegations-nested", "filter", Map.of("topic", topic), "first", 5).get("data");

        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<JsonPath>> responses = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            responses.add(clients.submit(() -> run("delegations-nested", "filter", Map.of("topic", topic), "first", 5)));
        }
        for (Future<JsonPath> response : responses) {
            JsonPath body = response.get();
            assertNull(body.get("errors"), body::prettify);
            assertEquals(expected, body.get("data"));
        }
        clients.shutdown();
    }
}
