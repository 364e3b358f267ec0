package org.attache.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.attache.api.ErrorCode;
import org.attache.config.Settings;
import org.attache.engine.HttpExchange;
import org.attache.engine.OperationMetrics;
import org.attache.engine.PersistedDocuments;
import org.attache.engine.PublishedSchema;
import org.attache.security.JwtKeyCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP side of /graphql as the GraphQL-over-HTTP specification asks, in front of SmallRye's handler: a request
 * that is not one GraphQL operation in JSON is answered 400 (413 when too large, 415 for another media type) with a
 * coded error before anything runs; a mutation sent with GET is 405; a request that fails as a whole (syntax,
 * validation, limits) is 400 for clients that accept application/graphql-response+json and 200 for application/json
 * clients, whose libraries expect that. Every answer is a GraphQL response with extensions.code.
 */
@ApplicationScoped
public class GraphQLHttp {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    // Before SmallRye's routes, which have the default order.
    private static final int ORDER = -100;
    /** How long an operation over its client's number in flight waits for its turn before it is refused. */
    private static final long MAX_WAIT_MILLIS = 5_000;

    private final long maxBodySize;
    private final boolean introspection;
    private final Map<String, Boolean> wellFormed = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 2048;
        }
    });

    private final boolean anonymousReads;
    private final ClientLimits limits;
    private final PersistedDocuments documents;
    private final PublishedSchema published;
    private final GetCaching caching;

    GraphQLHttp(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            Settings settings, ClientLimits limits, PersistedDocuments documents, PublishedSchema published,
            GetCaching caching) {
        this.documents = documents;
        this.caching = caching;
        this.published = published;
        this.maxBodySize = maxBodySize.asLongValue();
        this.introspection = settings.graphql().introspection();
        this.anonymousReads = settings.auth().anonymousReads();
        this.limits = limits;
    }

    void routes(@Observes Router router) {
        router.route("/graphql").order(ORDER).handler(BodyHandler.create().setBodyLimit(maxBodySize))
                .handler(this::screen).failureHandler(this::failed);
        // The SDL endpoint is introspection by another name: one switch governs both.
        router.route("/graphql/schema.graphql").order(ORDER).handler(ctx -> {
            if (introspection) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(published.sdl());
            } else {
                respond(ctx, 404, ErrorCode.NOT_FOUND, "The schema is not published here; introspection is switched off.");
            }
        });
    }

    private void screen(RoutingContext ctx) {
        // A client that names neither GraphQL media type (*/*, or no Accept at all) gets application/json, as the
        // GraphQL-over-HTTP specification asks; SmallRye would pick application/graphql-response+json.
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !(accept.contains(GRAPHQL_RESPONSE) || accept.contains("application/json"))) {
            ctx.request().headers().set(HttpHeaders.ACCEPT, "application/json");
        }
        String method = ctx.request().method().name();
        if (method.equals("POST") || method.equals("GET")) {
            admit(ctx);
        } else {
            check(ctx);
        }
    }

    /** The request's shape and document, checked before GraphQL runs; then on to SmallRye. */
    private void check(RoutingContext ctx) {
        Refusal refusal = switch (ctx.request().method().name()) {
            case "POST" -> checkPost(ctx);
            case "GET" -> checkGet(ctx);
            case "OPTIONS" -> null;
            default -> new Refusal(405, ErrorCode.METHOD_NOT_ALLOWED, "Use POST, or GET for queries.");
        };
        if (refusal != null) {
            if (refusal.status() == 405) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
            }
            respond(ctx, refusal.status(), refusal.code(), refusal.message());
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (HttpExchange.marked(ctx, HttpExchange.REQUEST_ERROR) && wantsGraphQLResponse(ctx)) {
                ctx.response().setStatusCode(400);
            }
        });
        if (ctx.request().method() == HttpMethod.GET) {
            caching.handle(ctx, !authenticated(ctx), ctx::next);
        } else {
            ctx.next();
        }
    }

    private static boolean authenticated(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    /**
     * Lets the request go on to GraphQL if it has a token (or anonymous reads are on, and then the client is its
     * address) and its client is within its share ({@link ClientLimits}), now or, for an operation over the client's
     * number in flight, when one of those ends (at most {@link #MAX_WAIT_MILLIS}). Without a token, where every
     * operation needs one, nothing of the document is looked at: validation would tell a stranger which fields exist.
     */
    private void admit(RoutingContext ctx) {
        String client;
        if (authenticated(ctx)) {
            client = "subject " + ((QuarkusHttpUser) ctx.user()).getSecurityIdentity().getPrincipal().getName();
        } else if (anonymousReads) {
            client = "address " + ctx.request().remoteAddress().hostAddress();
        } else {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            respond(ctx, 401, ErrorCode.UNAUTHENTICATED, "This endpoint needs a bearer token (Authorization: Bearer ...).");
            return;
        }
        Context context = Vertx.currentContext();
        long[] waitTimer = { -1 };
        boolean[] started = { false };
        Runnable start = new Runnable() {
            @Override
            public void run() {
                if (Vertx.currentContext() != context) {
                    context.runOnContext(v -> run()); // its turn came elsewhere: it goes on on its own event loop
                    return;
                }
                started[0] = true;
                ctx.vertx().cancelTimer(waitTimer[0]);
                if (ctx.response().closed()) {
                    limits.done(client, 0); // the client left while it waited
                    return;
                }
                releaseWhenAnswered(ctx, client);
                check(ctx);
            }
        };
        ClientLimits.Refusal refusal = limits.admit(client, start);
        if (refusal != null) {
            tooMany(ctx, refusal);
        } else if (!started[0]) {
            waitTimer[0] = ctx.vertx().setTimer(MAX_WAIT_MILLIS, id -> {
                if (limits.abandon(client, start)) {
                    tooMany(ctx, limits.tooManyAtOnce());
                }
            });
        }
    }

    private static void tooMany(RoutingContext ctx, ClientLimits.Refusal refusal) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response().putHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        respond(ctx, 429, ErrorCode.RATE_LIMITED, refusal.message() + " Retry after " + refusal.retryAfterSeconds() + " s.");
    }

    /**
     * Ends the operation's turn once, when the answer's headers go out (its length known: every answer here is written
     * whole) or when the connection closes first. Not at the response's end: SmallRye takes over that handler.
     */
    private void releaseWhenAnswered(RoutingContext ctx, String client) {
        AtomicBoolean released = new AtomicBoolean();
        ctx.addHeadersEndHandler(v -> {
            if (released.compareAndSet(false, true)) {
                String length = ctx.response().headers().get(HttpHeaders.CONTENT_LENGTH);
                limits.done(client, length == null ? 0 : Long.parseLong(length));
            }
        });
        ctx.addEndHandler(v -> {
            if (released.compareAndSet(false, true)) {
                limits.done(client, ctx.response().bytesWritten());
            }
        });
    }

    private Refusal checkPost(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/graphql")) {
            String document = ctx.body().asString();
            if (document == null || document.isBlank()) {
                return badRequest("The request body must be a GraphQL document.");
            }
            Refusal untrusted = persisted(ctx, new JsonObject().put("query", document));
            return untrusted != null ? untrusted : checkDocument(ctx, document);
        }
        if (contentType != null && !contentType.startsWith("application/json")) {
            return new Refusal(415, ErrorCode.BAD_REQUEST,
                    "Send the request as application/json: {\"query\": ..., \"variables\": ...}.");
        }
        Object body;
        try {
            body = ctx.body().buffer() == null ? null : StrictJson.decode(ctx.body().buffer());
        } catch (DecodeException e) {
            return badRequest(e.getMessage());
        }
        if (body instanceof JsonArray) {
            return badRequest("Batched operations are not supported: send one operation per request.");
        }
        if (!(body instanceof JsonObject request)) {
            return badRequest("The request body must be a JSON object with a query.");
        }
        boolean byHash = request.getValue("query") == null;
        Refusal unknown = persisted(ctx, request);
        if (unknown != null) {
            return unknown;
        }
        if (byHash && request.getValue("query") instanceof String) {
            ctx.setBody(request.toBuffer()); // the document found by its hash, for SmallRye to run
        }
        String malformed = malformed(request);
        if (malformed != null) {
            return badRequest(malformed);
        }
        if (containsNul(request.getValue("query")) || containsNul(request.getValue("operationName"))
                || containsNul(request.getValue("extensions"))) {
            OperationMetrics.rejectedEarly(request.getString("query"), System.nanoTime());
            // PostgreSQL cannot store it, and no text a person writes contains it. In variables it is refused by
            // InputScalars instead, as a VALIDATION error naming the field.
            return new Refusal(400, ErrorCode.VALIDATION, "Text must not contain the NUL character (U+0000).");
        }
        return checkDocument(ctx, request.getString("query"));
    }

    /**
     * What is wrong with a GraphQL request's shape ({"query", "variables", "operationName", "extensions"}), or null:
     * the same for a POST body and for the payload of a WebSocket subscribe message.
     */
    static String malformed(JsonObject request) {
        if (!(request.getValue("query") instanceof String query) || query.isBlank()) {
            return "The request needs a query: a GraphQL document as a string.";
        }
        if (!isNullOr(request.getValue("variables"), JsonObject.class)) {
            return "variables must be a JSON object.";
        }
        if (!isNullOr(request.getValue("operationName"), String.class)) {
            return "operationName must be a string.";
        }
        if (!isNullOr(request.getValue("extensions"), JsonObject.class)) {
            return "extensions must be a JSON object.";
        }
        return null;
    }

    /**
     * The request's document by its hash (automatic persisted queries), or checked against the trusted ones: the
     * request gets the query to run, or the refusal. Over HTTP and WebSocket alike.
     */
    private Refusal persisted(RoutingContext ctx, JsonObject request) {
        PersistedDocuments.Refused refused = documents.apply(request);
        return refused == null ? null
                : new Refusal(refused.code() == ErrorCode.BAD_REQUEST ? 400 : failureStatus(ctx),
                        refused.code(), refused.message());
    }

    private Refusal checkGet(RoutingContext ctx) {
        JsonObject request = new JsonObject().put("query", ctx.queryParams().get("query"));
        String extensions = ctx.queryParams().get("extensions");
        if (extensions != null) {
            try {
                request.put("extensions", StrictJson.decode(Buffer.buffer(extensions)));
            } catch (DecodeException e) {
                return badRequest("extensions must be a JSON object: " + e.getMessage());
            }
        }
        Refusal unknown = persisted(ctx, request);
        if (unknown != null) {
            return unknown;
        }
        if (request.getValue("query") instanceof String found) {
            ctx.queryParams().set("query", found);
        }
        String query = ctx.queryParams().get("query");
        if (query == null || query.isBlank()) {
            return badRequest("The request needs a query parameter.");
        }
        Refusal syntax = checkDocument(ctx, query);
        if (syntax != null) {
            return syntax;
        }
        List<OperationDefinition> operations = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class);
        if (operations.stream().anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY)) {
            return new Refusal(405, ErrorCode.METHOD_NOT_ALLOWED, "Mutations change data and must be sent with POST.");
        }
        if (operations.size() > 1) {
            return badRequest("With GET, send a document with a single operation.");
        }
        // SmallRye URL-decodes the already decoded parameters a second time (so "100%" fails and "+" turns into a
        // space) and reads operationName from the query parameter. Encoding the values once more undoes the first;
        // operationName is not needed with one operation.
        MultiMap parameters = ctx.queryParams();
        for (String name : List.of("query", "variables", "extensions")) {
            String value = parameters.get(name);
            if (value != null) {
                parameters.set(name, URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        parameters.remove("operationName");
        return null;
    }

    /**
     * Syntax errors are answered here because SmallRye would answer them with a bare "Unparseable input document".
     * Documents seen before skip the parse: clients send the same few documents again and again.
     */
    private Refusal checkDocument(RoutingContext ctx, String query) {
        if (wellFormed.containsKey(query)) {
            return null;
        }
        long start = System.nanoTime();
        DocumentError error = documentError(query);
        if (error != null) {
            OperationMetrics.rejectedEarly(query, start);
            return new Refusal(failureStatus(ctx), error.code(), error.message());
        }
        wellFormed.put(query, Boolean.TRUE);
        return null;
    }

    /** Why a document cannot be parsed (a syntax error, or too many tokens), or null: over HTTP and WebSocket alike. */
    static DocumentError documentError(String query) {
        try {
            new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            return null;
        } catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException e) {
            return new DocumentError(ErrorCode.QUERY_TOO_LARGE, "The document is too large to parse: at most "
                    + ParserOptions.getDefaultOperationParserOptions().getMaxTokens() + " tokens are allowed.");
        } catch (InvalidSyntaxException e) {
            return new DocumentError(ErrorCode.GRAPHQL_PARSE_FAILED, e.getMessage());
        }
    }

    record DocumentError(ErrorCode code, String message) {
    }

    /** A request that fails as a whole: 400 for application/graphql-response+json clients, 200 for the others. */
    private static int failureStatus(RoutingContext ctx) {
        return wantsGraphQLResponse(ctx) ? 400 : 200;
    }

    private static boolean wantsGraphQLResponse(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(GRAPHQL_RESPONSE);
    }

    private static Refusal badRequest(String message) {
        return new Refusal(400, ErrorCode.BAD_REQUEST, message);
    }

    private record Refusal(int status, ErrorCode code, String message) {
    }

    private static boolean containsNul(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\u0000') >= 0;
        }
        if (value instanceof JsonObject object) {
            return object.stream().anyMatch(entry -> containsNul(entry.getKey()) || containsNul(entry.getValue()));
        }
        if (value instanceof JsonArray array) {
            return array.stream().anyMatch(GraphQLHttp::containsNul);
        }
        return false;
    }

    static boolean isNullOr(Object value, Class<?> type) {
        return value == null || type.isInstance(value);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (ctx.statusCode() == 413) {
            respond(ctx, 413, ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than " + maxBodySize + " bytes.");
        } else if (ctx.statusCode() == 401 || ctx.failure() instanceof AuthenticationFailedException) {
            if (issuerKeyLoaded()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                respond(ctx, 401, ErrorCode.UNAUTHENTICATED, "The bearer token is not valid: it cannot be read, is expired"
                        + " or is not signed by the trusted issuer.");
            } else {
                // The token could not be checked at all: saying it is invalid would send its client after a new one.
                respond(ctx, 503, ErrorCode.UNAVAILABLE, "Tokens cannot be checked right now: the issuer's public key"
                        + " cannot be loaded. Retry shortly.");
            }
        } else if (ctx.failure() != null) {
            // Never Vert.x's plain-text 500 on the GraphQL endpoint: clients parse every answer as GraphQL.
            Log.error("Request failed before GraphQL could answer it", ctx.failure());
            respond(ctx, 500, ErrorCode.INTERNAL, "The request failed because of an error on the server; nothing was changed.");
        } else {
            ctx.next();
        }
    }

    private static boolean issuerKeyLoaded() {
        // The check is a readiness check: that is its qualifier.
        var check = Arc.container().instance(JwtKeyCheck.class, Readiness.Literal.INSTANCE);
        return !check.isAvailable() || check.get().keyLoaded();
    }

    /** A refusal, never kept by a cache: above all PERSISTED_QUERY_NOT_FOUND, which the next request by hash mends. */
    private static void respond(RoutingContext ctx, int status, ErrorCode code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions",
                new JsonObject().put("code", code.name()));
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_TYPE, wantsGraphQLResponse(ctx)
                        ? GRAPHQL_RESPONSE + "; charset=utf-8"
                        : "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
