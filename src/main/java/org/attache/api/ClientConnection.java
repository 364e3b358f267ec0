package org.attache.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ContextNotActiveException;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A client's long-lived connection (a WebSocket), as what an operation started on it sees: what must not outlive the
 * connection (a subscription) ends when it closes. The transport opens and closes it; the operations' state is found
 * through the upgrade request, which stays the current request of every operation on the connection.
 */
public final class ClientConnection {

    private static final String KEY = ClientConnection.class.getName();

    private final Set<Runnable> onClose = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ClientConnection() {
    }

    /** Called by the transport when the upgrade request becomes a connection. */
    public static ClientConnection open(RoutingContext upgrade) {
        ClientConnection connection = new ClientConnection();
        upgrade.put(KEY, connection);
        return connection;
    }

    /** The connection the current operation came on; null for a plain HTTP request. */
    public static ClientConnection current(CurrentVertxRequest request) {
        try {
            RoutingContext context = request.getCurrent();
            return context == null ? null : context.get(KEY);
        } catch (ContextNotActiveException e) {
            return null; // not in a request: nothing to tie to
        }
    }

    /**
     * Runs the action when the connection closes, or at once when it already has: an operation set up while the
     * client went away ends as well. Answers what forgets the action, for an operation that ends before its
     * connection does.
     */
    public Runnable whenClosed(Runnable action) {
        onClose.add(action);
        if (closed && onClose.remove(action)) {
            action.run();
        }
        return () -> onClose.remove(action);
    }

    /** Called by the transport once the connection has closed. */
    public void closed() {
        closed = true;
        for (Runnable action : onClose) {
            if (onClose.remove(action)) {
                action.run();
            }
        }
    }
}
