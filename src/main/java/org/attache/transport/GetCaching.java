package org.attache.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.attache.config.Settings;
import org.attache.engine.HttpExchange;
import org.attache.engine.PublishedSchema;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Caching headers on GET answers (queries sent by URL, persisted ones included), so that a CDN or a browser can keep
 * public reads and revalidate them cheaply. An anonymous caller's answer (where anonymous reads are on) is
 * {@code public} with a weak ETag; a request whose If-None-Match names the current ETag is answered 304 before
 * anything runs. An answer with errors, or for a caller with a token, is {@code no-store}: it is private, or not worth
 * keeping.
 * <p>
 * The ETag names the data's state rather than the answer's bytes (SmallRye writes those straight to the response):
 * PostgreSQL's current snapshot, which any transaction that writes anything changes, from the moment it takes a
 * transaction id until it has committed or rolled back, on every replica of the service alike. It is read before the
 * operation runs, so an answer is never labelled newer than its data: a 304 is only ever sent when nothing was
 * committed since the answer the client holds. Writes elsewhere in the database cluster change it too, which only
 * costs a full answer. The application's version and schema are part of it, so a new release answers anew.
 */
@ApplicationScoped
class GetCaching {

    private final AgroalDataSource database;
    private final String publicCacheControl;
    private final String version;
    private final PublishedSchema published;
    private volatile String release;

    GetCaching(AgroalDataSource database, Settings settings,
            @ConfigProperty(name = "quarkus.application.version") String version, PublishedSchema published) {
        this.database = database;
        this.publicCacheControl = "public, max-age=" + settings.graphql().getMaxAge().toSeconds();
        this.version = version;
        this.published = published;
    }

    /** Goes on with a GET request (next), after answering it 304 where the client's copy is still current. */
    void handle(RoutingContext ctx, boolean anonymous, Runnable next) {
        if (!anonymous) {
            ctx.addHeadersEndHandler(v -> ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store"));
            next.run();
            return;
        }
        ctx.vertx().executeBlocking(this::snapshot, false).onComplete(read -> {
            if (read.failed()) {
                // The operation itself will meet the database's trouble and say so; its answer is not cached.
                Log.debugf("No data version for an ETag: %s", read.cause().getMessage());
                ctx.addHeadersEndHandler(v -> ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store"));
                next.run();
                return;
            }
            String etag = etag(read.result(), ctx.request().getHeader(HttpHeaders.ACCEPT));
            // Origin too: with ATTACHE_CORS_ORIGINS, the answer to a listed origin carries Access-Control-Allow-Origin,
            // and a copy kept without it must not be handed to that origin's pages (Quarkus' filter adds no Vary).
            ctx.response().headers().add(HttpHeaders.VARY, "Accept, Authorization, Origin");
            if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag)
                        .putHeader(HttpHeaders.CACHE_CONTROL, publicCacheControl).end();
                return;
            }
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 200 && !HttpExchange.marked(ctx, HttpExchange.ANSWER_HAS_ERRORS)) {
                    ctx.response().putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, publicCacheControl);
                } else {
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            next.run();
        });
    }

    private String snapshot() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
            row.next();
            return row.getString(1);
        }
    }

    private String etag(String snapshot, String accept) {
        try {
            if (release == null) {
                release = version + "\n" + sha256(published.sdl());
            }
            return "W/\"" + sha256(release + "\n" + snapshot + "\n" + accept).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** If-None-Match's weak comparison: any listed tag, weak or strong, equal to ours, or "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
