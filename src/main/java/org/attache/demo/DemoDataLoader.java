package org.attache.demo;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.attache.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;

/**
 * In dev mode, fills an empty database with the seed visit so there is something to query at once. It goes through
 * the service's own /graphql endpoint, exactly as a client would, so the demo data obeys every rule of the API.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    /** An admin's token, signed with the dev key that only dev mode configures (smallrye.jwt.sign.key.location). */
    private static final Supplier<String> TOKEN = () -> Jwt.subject("demo-data").groups(Roles.ADMIN).expiresIn(600).sign();

    @ConfigProperty(name = "attache.demo-data.enabled")
    boolean enabled;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    // StartupEvent rather than an HTTP-server event: dev mode's live reload restarts the application, not the server.
    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        URI endpoint = URI.create("http://localhost:" + port + "/graphql");
        // Startup must not wait for requests to a server that only starts listening once startup is over.
        Thread loader = new Thread(() -> load(endpoint), "attache-demo-data");
        loader.setDaemon(true);
        loader.start();
    }

    private void load(URI endpoint) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            JsonObject count = awaitServer(http, endpoint);
            int visits = count.getJsonObject("data").getJsonObject("delegations").getInt("totalCount");
            if (visits > 0) {
                LOG.debugf("Demo data skipped: the database already holds %d visit(s)", visits);
                return;
            }
            var ids = SeedVisit.record(request -> post(http, endpoint, request));
            LOG.infof("Demo data loaded: the seed visit of 2024-04-25 is delegation %s", ids.get("visit"));
        } catch (RuntimeException e) {
            LOG.warn("Demo data not loaded: " + e.getMessage());
        }
    }

    /** Asks how many visits exist, retrying for a while until the server accepts requests. */
    private static JsonObject awaitServer(HttpClient http, URI endpoint) {
        JsonObject question = Json.createObjectBuilder().add("query", "{ delegations(first: 0) { totalCount } }").build();
        for (int attempt = 1; ; attempt++) {
            try {
                return post(http, endpoint, question);
            } catch (IllegalStateException e) {
                if (attempt == 60) {
                    throw e;
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JsonObject post(HttpClient http, URI endpoint, JsonObject request) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN.get())
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
