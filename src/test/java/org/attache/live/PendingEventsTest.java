package org.attache.live;

import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.attache.Fixtures;
import org.attache.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A subscription whose events pile up on the server (here: a bound of 2, and 100 changes committed at once) ends with
 * SUBSCRIBER_TOO_SLOW instead of holding them all.
 */
@QuarkusTest
@TestProfile(PendingEventsTest.TinyBound.class)
class PendingEventsTest {

    public static class TinyBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attache.subscriptions.max-pending-events", "2");
        }
    }

    @TestHTTPResource("/graphql")
    URL graphql;

    @Inject
    DataSource database;

    @Test
    void aSubscriptionFallingTooFarBehindEndsWithACode() throws Exception {
        for (int i = 0; i < 100; i++) {
            Fixtures.delegation(Fixtures.delegationInput("KAZ", "UZB", "2024-04-25"));
        }
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events events = SubscriptionTest.attached(() -> client.subscribe("delegation-changed"));
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("UPDATE delegation SET version = version + 1 WHERE host_country_code = 'UZB'");
            }
            String code = null;
            while (code == null) {
                var response = events.next();
                code = response.hasError() ? response.getErrors().get(0).getCode() : null;
            }
            assertEquals("SUBSCRIBER_TOO_SLOW", code);
        }
    }
}
