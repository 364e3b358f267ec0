package org.attache.demo;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.attache.config.Settings;
import org.attache.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;

/**
 * Fills an empty database with the seed visit so there is something to query at once: in dev mode by default, elsewhere
 * when ATTACHE_DEMO_DATA=true. It goes through the service's own /graphql endpoint, exactly as a client would, so the
 * demo data obeys every rule of the API; its token is signed with smallrye.jwt.sign.key.location, which dev mode
 * sets to the dev key and a demo deployment sets to the private half of the key it trusts (docs/deploy.md).
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> signingKey;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** An admin's token, from the issuer the service trusts. */
    private Supplier<String> token;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    // StartupEvent rather than an HTTP-server event: dev mode's live reload restarts the application, not the server.
    @Inject
    Settings settings;

    void onStart(@Observes StartupEvent start) {
        if (!settings.demoData().enabled()) {
            return;
        }
        if (signingKey.isEmpty()) {
            LOG.warn("Demo data not loaded: ATTACHE_DEMO_DATA=true, but the loader has no key to sign its token with."
                    + " Set SMALLRYE_JWT_SIGN_KEY_LOCATION to the private key whose public half ATTACHE_JWT_PUBLIC_KEY_LOCATION"
                    + " names (a demo deployment), or record docs/examples/ with a token of your issuer.");
            return;
        }
        token = () -> Jwt.issuer(issuer).subject("demo-data").groups(Roles.ADMIN).expiresIn(600).sign();
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
            // Library messages can be a bare code (SRJWT05009:): the causes say what went wrong.
            StringBuilder reasons = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                reasons.append(reasons.isEmpty() ? "" : ": ").append(t.getMessage());
            }
            LOG.warn("Demo data not loaded: " + reasons);
        }
    }

    /** Asks how many visits exist, retrying for a while until the server accepts requests. */
    private JsonObject awaitServer(HttpClient http, URI endpoint) {
        JsonObject question = Json.createObjectBuilder().add("query", "{ delegations(first: 0) { totalCount } }").build();
        for (int attempt = 1;; attempt++) {
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

    private JsonObject post(HttpClient http, URI endpoint, JsonObject request) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token.get())
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
