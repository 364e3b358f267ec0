package org.attache.engine;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP request an operation runs for, and what execution tells the transport about its answer: the transport
 * (status code, caching headers) answers after the engine has run, so the engine marks the request and the transport
 * reads the marks.
 */
public final class HttpExchange {

    /** The request failed as a whole, before any field ran: no data. */
    public static final String REQUEST_ERROR = "attache.graphql.request-error";
    /** The answer has errors: it is not cached. */
    public static final String ANSWER_HAS_ERRORS = "attache.graphql.answer-has-errors";

    private HttpExchange() {
    }

    /** The HTTP request being answered on this thread (a WebSocket's upgrade, for its operations), or null. */
    public static RoutingContext current() {
        var request = Arc.container().instance(CurrentVertxRequest.class);
        return Arc.container().requestContext().isActive() && request.isAvailable() ? request.get().getCurrent() : null;
    }

    /** Marks what execution found: {@link #REQUEST_ERROR} or {@link #ANSWER_HAS_ERRORS}. */
    public static void mark(RoutingContext request, String key) {
        if (request != null) {
            request.put(key, Boolean.TRUE);
        }
    }

    /** Whether execution marked the request so. */
    public static boolean marked(RoutingContext request, String key) {
        return request.get(key) != null;
    }
}
