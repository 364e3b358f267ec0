package org.attache.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.attache.api.ErrorCode;
import org.attache.config.Settings;

import io.quarkus.runtime.Startup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Documents known by their SHA-256 hash. Apollo's automatic persisted queries: a client sends the hash alone
 * (extensions.persistedQuery.sha256Hash), and the document once when the hash is not known yet; and trusted documents
 * for production: with attache.graphql.trusted-documents on, only registered documents run (the dashboard's own, from
 * {@link #DASHBOARD}, and those of the manifest in attache.graphql.trusted-documents-manifest), sent whole or by hash.
 */
// Built at start: a manifest that cannot be read, or whose ids are not its documents' hashes, stops the service.
@Startup
@ApplicationScoped
public class PersistedDocuments {

    /** The dashboard's documents as an Apollo persisted-query manifest; DashboardQueriesTest keeps it in step. */
    public static final String DASHBOARD = "graphql/dashboard-documents.json";
    /** Documents learnt from clients (automatic persisted queries) kept at most; the least recently used go first. */
    private static final int MAX_LEARNT = 10_000;

    /** What a request's document turned out to be. */
    public sealed interface Resolution {
    }

    /** The document to run (as sent, or found by its hash). */
    public record Document(String query) implements Resolution {
    }

    /** Why not: a coded refusal for the client. */
    public record Refused(ErrorCode code, String message) implements Resolution {
    }

    private final boolean trustedOnly;
    private final Map<String, String> registered;
    private final Map<String, String> learnt = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_LEARNT;
        }
    });

    @Inject
    PersistedDocuments(Settings settings) throws IOException {
        this(settings.graphql().trustedDocuments(), settings.graphql().trustedDocumentsManifest(),
                settings.federation().enabled());
    }

    PersistedDocuments(boolean trustedOnly, Optional<Path> manifest, boolean federation) throws IOException {
        if (trustedOnly && federation) {
            // Refused at start rather than found out when the router's first query plan is refused.
            throw new IllegalStateException("ATTACHE_TRUSTED_DOCUMENTS and ATTACHE_FEDERATION cannot both be on: a subgraph"
                    + " runs the query plans its router writes, which no manifest can list. Register trusted documents"
                    + " at the router instead.");
        }
        this.trustedOnly = trustedOnly;
        Map<String, String> documents = new HashMap<>();
        try (InputStream dashboard = Thread.currentThread().getContextClassLoader().getResourceAsStream(DASHBOARD)) {
            if (dashboard != null) {
                documents.putAll(operations(new String(dashboard.readAllBytes(), StandardCharsets.UTF_8), DASHBOARD));
            }
        }
        if (manifest.isPresent()) {
            documents.putAll(operations(Files.readString(manifest.get()), manifest.get().toString()));
        }
        this.registered = Map.copyOf(documents);
    }

    /** The operations of an Apollo persisted-query manifest, by hash; each hash checked against its body. */
    static Map<String, String> operations(String manifest, String source) {
        Map<String, String> documents = new HashMap<>();
        JsonArray operations = new JsonObject(manifest).getJsonArray("operations");
        for (int i = 0; i < operations.size(); i++) {
            JsonObject operation = operations.getJsonObject(i);
            String body = operation.getString("body");
            String id = operation.getString("id");
            if (!hash(body).equals(id)) {
                throw new IllegalStateException(source + ": operation " + i + " (" + operation.getString("name")
                        + ") has id " + id + ", but its body's SHA-256 is " + hash(body));
            }
            documents.put(id, body);
        }
        return documents;
    }

    /**
     * Gives a GraphQL request ({"query", "extensions", ...}, over HTTP or in a WebSocket subscribe) the document it runs,
     * found by its hash when it names one without a query; or answers why it may not run. A request whose query or
     * extensions are not of their types is left alone: GraphQLHttp.malformed says what is wrong with it.
     */
    public Refused apply(JsonObject request) {
        Object query = request.getValue("query");
        Object extensions = request.getValue("extensions");
        if (query != null && !(query instanceof String) || extensions != null && !(extensions instanceof JsonObject)) {
            return null;
        }
        Resolution resolution = resolve((String) query, (JsonObject) extensions);
        if (resolution instanceof Refused refused) {
            return refused;
        }
        if (query == null && ((Document) resolution).query() != null) {
            request.put("query", ((Document) resolution).query());
        }
        return null;
    }

    /**
     * The document a request runs: its query, checked against the hash it names (if any) and, in trusted mode,
     * against the registered ones; or the document known by that hash.
     */
    Resolution resolve(String query, JsonObject extensions) {
        Object persisted = extensions == null ? null : extensions.getValue("persistedQuery");
        if (persisted == null) {
            return query == null || !trustedOnly || registered.containsKey(hash(query)) ? new Document(query)
                    : new Refused(ErrorCode.DOCUMENT_NOT_TRUSTED, "Only registered documents run here: send one of the"
                            + " trusted documents, whole or by its SHA-256 (extensions.persistedQuery).");
        }
        if (!(persisted instanceof JsonObject request) || !Integer.valueOf(1).equals(request.getValue("version"))
                || !(request.getValue("sha256Hash") instanceof String hash) || !hash.matches("[0-9a-f]{64}")) {
            return new Refused(ErrorCode.BAD_REQUEST, "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\":"
                    + " the document's SHA-256 in lowercase hex}.");
        }
        if (query == null) {
            String known = registered.containsKey(hash) ? registered.get(hash) : trustedOnly ? null : learnt.get(hash);
            return known != null ? new Document(known)
                    : trustedOnly
                            ? new Refused(ErrorCode.DOCUMENT_NOT_TRUSTED, "No trusted document has this hash.")
                            : new Refused(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
        }
        if (!hash(query).equals(hash)) {
            return new Refused(ErrorCode.BAD_REQUEST, "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.");
        }
        if (trustedOnly && !registered.containsKey(hash)) {
            return new Refused(ErrorCode.DOCUMENT_NOT_TRUSTED, "Only registered documents run here; this one is not.");
        }
        if (!registered.containsKey(hash)) {
            learnt.put(hash, query);
        }
        return new Document(query);
    }

    /** Lowercase hex SHA-256 of the document's UTF-8 text, as Apollo's clients compute it. */
    public static String hash(String document) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
