package org.attache.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.attache.config.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;
import io.vertx.ext.web.Router;

/**
 * The dashboard's one-click sign-in for dev mode: POST /dev/token?role=... with a role (viewer, editor or admin) answers a
 * token signed with the dev key, valid for a few hours. Only where switched on (dev mode and tests) and where a
 * signing key is configured, which production never has: elsewhere the route does not exist (404).
 */
@ApplicationScoped
class DevTokens {

    private static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.EDITOR, Roles.ADMIN);
    private static final long LIFETIME_SECONDS = 8 * 3600;

    @Inject
    Settings settings;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> signingKey;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    void routes(@Observes Router router) {
        if (!settings.auth().devTokens() || signingKey.isEmpty()) {
            return;
        }
        // GET tells the page the route exists, so that it offers the buttons; it signs nothing.
        router.get("/dev/token").handler(request -> request.response().setStatusCode(204).end());
        router.post("/dev/token").blockingHandler(request -> {
            String role = request.request().getParam("role");
            if (role == null || !ROLES.contains(role)) {
                request.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
                        .end("role must be viewer, editor or admin");
                return;
            }
            String token = Jwt.issuer(issuer).subject("dev-" + role).upn("dev-" + role).groups(role)
                    .expiresIn(LIFETIME_SECONDS).sign();
            request.response().putHeader("Content-Type", "text/plain").putHeader("Cache-Control", "no-store").end(token);
        });
    }
}
