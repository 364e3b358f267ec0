package org.attache.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
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

    private static final String REQUEST_ERROR = "attache.graphql.request-error";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    // Before SmallRye's routes, which have the default order.
    private static final int ORDER = -100;

    private final long maxBodySize;
    private final boolean introspection;

    GraphQLHttp(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.smallrye-graphql.field-visibility") String fieldVisibility) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.introspection = !fieldVisibility.contains("no-introspection");
    }

    void routes(@Observes Router router) {
        router.route("/graphql").order(ORDER).handler(BodyHandler.create().setBodyLimit(maxBodySize))
                .handler(this::screen).failureHandler(this::failed);
        // The SDL endpoint is introspection by another name: one switch governs both.
        router.route("/graphql/schema.graphql").order(ORDER).handler(ctx -> {
            if (introspection) {
                ctx.next();
            } else {
                respond(ctx, 404, ErrorCode.NOT_FOUND, "The schema is not published here; introspection is switched off.");
            }
        });
    }

    /** Called during execution when the request failed before any field ran (no data in the result). */
    static void markRequestError() {
        var request = Arc.container().instance(CurrentVertxRequest.class);
        if (request.isAvailable() && request.get().getCurrent() != null) {
            request.get().getCurrent().put(REQUEST_ERROR, Boolean.TRUE);
        }
    }

    private void screen(RoutingContext ctx) {
        String problem = switch (ctx.request().method().name()) {
            case "POST" -> postProblem(ctx);
            case "GET" -> getProblem(ctx);
            case "OPTIONS" -> null;
            default -> "method";
        };
        if (problem == null) {
            ctx.addHeadersEndHandler(v -> {
                Object contentType = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (ctx.get(REQUEST_ERROR) != null && contentType != null && contentType.toString().startsWith(GRAPHQL_RESPONSE)) {
                    ctx.response().setStatusCode(400);
                }
            });
            ctx.next();
            return;
        }
        switch (problem) {
            case "method", "mutation" -> {
                ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
                respond(ctx, 405, ErrorCode.METHOD_NOT_ALLOWED, problem.equals("mutation")
                        ? "Mutations change data and must be sent with POST." : "Use POST, or GET for queries.");
            }
            case "media" -> respond(ctx, 415, ErrorCode.BAD_REQUEST,
                    "Send the request as application/json: {\"query\": ..., \"variables\": ...}.");
            default -> respond(ctx, 400, ErrorCode.BAD_REQUEST, problem);
        }
    }

    /** Null when the body is one GraphQL request; otherwise what is wrong with it. */
    private static String postProblem(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return null;
        }
        if (contentType != null && !contentType.startsWith("application/json")) {
            return "media";
        }
        Object body;
        try {
            body = ctx.body().buffer() == null ? null : Json.decodeValue(ctx.body().buffer());
        } catch (DecodeException e) {
            return "The request body is not valid JSON.";
        }
        if (body instanceof JsonArray) {
            return "Batched operations are not supported: send one operation per request.";
        }
        if (!(body instanceof JsonObject request)) {
            return "The request body must be a JSON object with a query.";
        }
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

    private static String getProblem(RoutingContext ctx) {
        String query = ctx.request().getParam("query");
        if (query == null || query.isBlank()) {
            return "The request needs a query parameter.";
        }
        try {
            Document document = Parser.parse(query);
            String name = ctx.request().getParam("operationName");
            boolean mutates = document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> name == null || name.equals(op.getName()))
                    .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
            return mutates ? "mutation" : null;
        } catch (InvalidSyntaxException e) {
            // SmallRye answers it as a syntax error with the usual code.
            return null;
        }
    }

    private static boolean isNullOr(Object value, Class<?> type) {
        return value == null || type.isInstance(value);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (ctx.statusCode() == 413) {
            respond(ctx, 413, ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than " + maxBodySize + " bytes.");
        } else if (ctx.statusCode() == 401 || ctx.failure() instanceof AuthenticationFailedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            respond(ctx, 401, ErrorCode.UNAUTHENTICATED, "The bearer token is not valid: it cannot be read, is expired or"
                    + " is not signed by the trusted issuer.");
        } else {
            ctx.next();
        }
    }

    private static void respond(RoutingContext ctx, int status, ErrorCode code, String message) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code.name()));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, accept != null && accept.contains(GRAPHQL_RESPONSE)
                        ? GRAPHQL_RESPONSE + "; charset=utf-8" : "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
