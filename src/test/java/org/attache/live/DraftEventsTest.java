package org.attache.live;

import static org.attache.GraphQL.ok;
import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.attache.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Subscribers hear nothing of a draft, and of its publication as of a visit created. */
@QuarkusTest
class DraftEventsTest {

    private static final Duration QUIET = Duration.ofMillis(700);

    @TestHTTPResource("/graphql")
    URL graphql;

    @BeforeEach
    void noSubscriptionLeftOver() throws InterruptedException {
        SubscriptionTest.awaitActive(0);
    }

    @Test
    void aDraftIsAnnouncedWhenPublishedAndNotBefore() throws Exception {
        try (LiveClient client = new LiveClient(graphql, token(Roles.VIEWER))) {
            LiveClient.Events events = SubscriptionTest.attached(() -> client.subscribe("delegation-changed", "filter",
                    Map.of("country", "BTN")));
            String text = """
                    THIMPHU, 2 May - The Chief Operations Officer of the Royal Bhutan Army, Lieutenant General Batoo \
                    Tshering, received a delegation led by the Chief of the Army Staff of Nepal, General Prabhu Ram \
                    Sharmaa, who is on an official visit to Bhutan.

                    Reference: %s.
                    """.formatted(UUID.randomUUID());
            JsonPath imported = ok("import-press-release", "input", Map.of("text", text, "publishedOn", "2024-05-02"));
            String visit = imported.getString("data.importPressRelease.delegation.id");
            assertNull(events.none(QUIET), "a draft is not announced");

            ok("publish-import", "id", imported.getString("data.importPressRelease.id"), "expectedVersion",
                    imported.getInt("data.importPressRelease.version"));
            JsonObject event = events.next(Duration.ofSeconds(10)).getData().getJsonObject("delegationChanged");
            assertEquals("CREATED", event.getString("change"));
            assertEquals(visit, event.getString("id"));
            assertEquals("BTN", event.getJsonObject("delegation").getJsonObject("hostCountry").getString("code"));
        }
    }
}
