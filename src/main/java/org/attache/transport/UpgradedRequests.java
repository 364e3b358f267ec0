package org.attache.transport;

import java.lang.reflect.Method;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus counts an HTTP request as in flight until its response ends, and graceful shutdown waits for the count to
 * reach zero. The response of a request upgraded to a WebSocket never ends, so without this every shutdown after a
 * WebSocket had been opened would wait out quarkus.shutdown.timeout. Quarkus has no public way to say a request is
 * done; its wrapper's own method is called once the connection closes.
 */
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
final class UpgradedRequests {

    private static final Method DONE = find();

    private UpgradedRequests() {
    }

    static void done(RoutingContext ctx) {
        if (DONE != null) {
            try {
                DONE.invoke(QuarkusRequestWrapper.get(ctx.request()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                Log.debugf("Could not mark an upgraded request done (%s); shutdown will wait for its timeout", e);
            }
        }
    }

    private static Method find() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debugf("QuarkusRequestWrapper.done() not found (%s); shutdown will wait for its timeout", e);
            return null;
        }
    }
}
