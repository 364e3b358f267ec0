package org.attache.engine;

import static org.attache.GraphQL.post;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.attache.Fixtures;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An operator's view of the logs: JSON lines when switched on, and one line per GraphQL operation at DEBUG. Only as
 * an integration test: it reads the packaged application's own output (target/quarkus.log).
 */
@QuarkusIntegrationTest
@Order(1) // before the suites that share one run of the application (see the failsafe configuration)
@TestProfile(OperationLogIT.JsonLogsWithOperations.class)
class OperationLogIT {

    public static class JsonLogsWithOperations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ATTACHE_LOG_JSON", "true", "ATTACHE_LOG_OPERATIONS", "DEBUG");
        }
    }

    @Test
    void everyOperationIsOneJsonLineWithItsNameOutcomeAndDuration() throws Exception {
        String name = "Logged" + Fixtures.unique("op").replace("-", "");
        post("query " + name + " { topics { slug } }");
        post("query " + name + " { noSuchField }");

        List<JsonObject> lines = List.of();
        for (int i = 0; i < 50; i++) {
            lines = Files.readAllLines(Path.of("target/quarkus.log")).stream()
                    .map(line -> Json.createReader(new StringReader(line)).readObject()) // each line is JSON
                    .toList();
            if (lines.stream().filter(l -> l.getString("message").contains(name)).count() == 2) {
                break;
            }
            Thread.sleep(100);
        }
        List<String> operations = lines.stream().map(l -> l.getString("message")).filter(m -> m.contains(name)).toList();
        assertTrue(operations.stream().anyMatch(m -> m.matches(
                "graphql operation=" + name + " type=query outcome=success duration_ms=\\d+\\.\\d")), operations::toString);
        assertTrue(operations.stream().anyMatch(m -> m.matches(
                "graphql operation=" + name + " type=unknown outcome=rejected duration_ms=\\d+\\.\\d")), operations::toString);
        assertTrue(lines.stream().filter(l -> l.getString("message").contains(name))
                .allMatch(l -> l.getString("level").equals("DEBUG") && l.getString("loggerName").endsWith("OperationMetrics")));
    }
}
