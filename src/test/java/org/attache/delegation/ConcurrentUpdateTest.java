package org.attache.delegation;

import static org.attache.Fixtures.delegation;
import static org.attache.Fixtures.delegationInput;
import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ConcurrentUpdateTest {

    @Test
    void ofParallelUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        Map<String, Object> input = delegationInput("KAZ", "AZE", "2024-04-25");
        String id = delegation(input);
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Map<String, Object> mine = new HashMap<>(input);
            mine.put("title", "Writer " + i);
            results.add(pool.submit(() -> {
                start.await();
                return run("update-delegation", "id", id, "input", mine, "expectedVersion", 0);
            }));
        }
        start.countDown();
        List<String> codes = new ArrayList<>();
        String winner = null;
        for (Future<JsonPath> result : results) {
            JsonPath response = result.get();
            if (response.get("errors") == null) {
                winner = response.getString("data.updateDelegation.title");
            } else {
                codes.add(response.getString("errors[0].extensions.code"));
            }
        }
        pool.shutdown();

        assertEquals(writers - 1, codes.size(), "exactly one writer wins");
        assertEquals(List.of("CONFLICT"), codes.stream().distinct().toList());
        JsonPath stored = ok("delegation", "id", id);
        assertEquals(1, stored.getInt("data.delegation.version"));
        assertEquals(winner, stored.getString("data.delegation.title"));
        // The history agrees: one update, and its "after" is the winner's.
        JsonPath history = ok("history", "entity", "Delegation", "id", id);
        assertEquals(List.of("CREATE", "UPDATE"), history.getList("data.history.operation"));
        assertTrue(history.getString("data.history[1].after").contains("\"" + winner + "\""));
    }
}
