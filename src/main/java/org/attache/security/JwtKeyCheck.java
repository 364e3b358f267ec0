package org.attache.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jose4j.jwk.JsonWebKey;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Loads the token issuer's public key at start, so that a wrong setting stops the service with a message naming
 * {@value JwtKeySetting#VARIABLE} instead of failing every request that carries a token. A key behind a URL that
 * cannot be reached yet is no reason to refuse: the service starts not ready, and becomes ready once the key loads.
 */
@Readiness
@ApplicationScoped
public class JwtKeyCheck implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 3000;
    /** How often a readiness probe may try an unreachable key URL again. */
    private static final long RETRY_NANOS = 10_000_000_000L;

    @ConfigProperty(name = JwtKeySetting.INLINE, defaultValue = JwtKeySetting.NONE)
    String inline;

    @ConfigProperty(name = JwtKeySetting.LOCATION, defaultValue = JwtKeySetting.NONE)
    String location;

    private volatile boolean loaded;
    private volatile String unreachable;
    private volatile long triedAt;

    // Before anything else that starts with the application: a service that cannot check tokens must not come up.
    void onStart(@Observes @Priority(1) StartupEvent start) {
        if (!JwtKeySetting.NONE.equals(inline)) {
            require(inline, "the key written in it");
            loaded = true;
        } else if (JwtKeySetting.NONE.equals(location) || location.isBlank()) {
            throw refused("is not set. Set it to the issuer's public key: a file path, an https URL (a JWKS endpoint"
                    + " works) or the PEM text itself.");
        } else if (isUrl(location)) {
            tryUrl();
            if (!loaded) {
                Log.warnf("%s: %s; not ready until it loads", JwtKeySetting.VARIABLE, unreachable);
            }
        } else {
            require(readFile(location), "the file " + location);
            loaded = true;
        }
    }

    /** Whether the key has been loaded (at start, or by a readiness probe since). */
    public boolean keyLoaded() {
        return loaded;
    }

    @Override
    public HealthCheckResponse call() {
        if (!loaded && System.nanoTime() - triedAt > RETRY_NANOS) {
            tryUrl();
        }
        var response = HealthCheckResponse.named("Token issuer's public key (" + JwtKeySetting.VARIABLE + ")").status(loaded);
        return loaded ? response.build() : response.withData("reason", String.valueOf(unreachable)).build();
    }

    private void tryUrl() {
        triedAt = System.nanoTime();
        String content;
        try {
            content = fetch(location);
        } catch (IOException e) {
            unreachable = location + " cannot be read: " + e.getMessage();
            return;
        }
        require(content, location);
        loaded = true;
        unreachable = null;
    }

    /** The text must hold a public key: PEM (a key or a certificate), a JWK or a JWK set. */
    private static void require(String content, String where) {
        String text = content.strip();
        if (text.startsWith("{")) {
            List<JsonWebKey> keys = KeyUtils.loadJsonWebKeys(text);
            if (keys == null || keys.isEmpty()) {
                throw refused("holds no key: " + where + " is JSON but not a JWK or a JWK set.");
            }
            return;
        }
        try {
            if (text.contains("CERTIFICATE")) {
                KeyUtils.decodeCertificate(text);
            } else {
                KeyUtils.decodePublicKey(text);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused("holds no public key: " + where + " is neither a PEM public key or certificate nor a JWK"
                    + " (" + e.getMessage() + ").");
        }
    }

    private static String readFile(String location) {
        String path = location.startsWith("file:") ? URI.create(location).getPath() : location;
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            throw refused("names the file " + file.toAbsolutePath() + ", which does not exist.");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw refused("names " + file.toAbsolutePath() + ", which is not a file this process may read.");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refused("names " + file.toAbsolutePath() + ", which cannot be read: " + e.getMessage());
        }
    }

    private static boolean isUrl(String location) {
        return location.startsWith("https://") || location.startsWith("http://");
    }

    private static String fetch(String location) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(location).toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP status " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    private static IllegalStateException refused(String reason) {
        return new IllegalStateException(JwtKeySetting.VARIABLE + " (" + JwtKeySetting.LOCATION + ") " + reason);
    }
}
