package org.attache.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.attache.GraphQL;

import io.smallrye.graphql.client.GraphQLClientException;
import io.smallrye.graphql.client.GraphQLError;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.smallrye.graphql.client.vertx.dynamic.VertxDynamicGraphQLClientBuilder;
import io.smallrye.graphql.client.websocket.WebsocketSubprotocol;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A dashboard as Attaché's users write one in Java: the SmallRye GraphQL client over graphql-transport-ws, the token
 * in connection_init. Each subscription collects what arrives, so tests can wait for it.
 */
final class LiveClient implements AutoCloseable {

    private final DynamicGraphQLClient client;

    LiveClient(URL graphql, String token) {
        this(graphql, token, WebsocketSubprotocol.GRAPHQL_TRANSPORT_WS, false);
    }

    /** With another protocol, or with the token in the upgrade request's header rather than in connection_init. */
    LiveClient(URL graphql, String token, WebsocketSubprotocol protocol, boolean tokenInHeader) {
        VertxDynamicGraphQLClientBuilder builder = new VertxDynamicGraphQLClientBuilder().url(graphql.toString())
                .subprotocols(protocol);
        if (token != null && tokenInHeader) {
            builder.header("Authorization", "Bearer " + token);
        } else if (token != null) {
            builder.initPayload(Map.of("Authorization", "Bearer " + token));
        }
        client = builder.build();
    }

    /** Subscribes with graphql/{name}.graphql and variables given as name, value, name, value... */
    Events subscribe(String name, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        return subscribeTo(GraphQL.document(name), vars);
    }

    Events subscribeTo(String document) {
        return subscribeTo(document, Map.of());
    }

    private Events subscribeTo(String document, Map<String, Object> variables) {
        Events events = new Events();
        events.cancellable = client.subscription(document, variables).subscribe().with(events.received::add,
                events.received::add, () -> events.received.add(COMPLETED));
        return events;
    }

    private static final Object COMPLETED = "completed";

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** What one subscription received: responses, or the failure that ended it. */
    static final class Events {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        volatile boolean completed;
        Cancellable cancellable;

        /** The next response within the time given; fails the test when nothing (or a failure) arrives. */
        Response next(Duration within) throws InterruptedException {
            Object item = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(item, "no event within " + within);
            if (item instanceof Throwable failure) {
                throw new AssertionError("the subscription failed", failure);
            }
            if (item == COMPLETED) {
                throw new AssertionError("the subscription completed");
            }
            return (Response) item;
        }

        /** The code of the error that ends the subscription: in an error message or in its first (and last) event. */
        String errorCode() throws InterruptedException {
            Object item = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(item, "no answer within 5 s");
            List<GraphQLError> errors = item instanceof GraphQLClientException failure ? failure.getErrors()
                    : item instanceof Response response ? response.getErrors() : null;
            assertNotNull(errors, () -> "expected an error, got " + item);
            assertFalse(errors.isEmpty(), () -> "expected an error, got " + item);
            return errors.get(0).getCode();
        }

        /** How the subscription ended: its failure, or "completed"; fails the test if it goes on. */
        Object ended() throws InterruptedException {
            return ended(Duration.ofSeconds(5));
        }

        Object ended(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            Object item = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            while (item instanceof Response) {
                item = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            assertNotNull(item, "the subscription did not end within " + within);
            return item;
        }

        Response next() throws InterruptedException {
            return next(Duration.ofSeconds(5));
        }

        /** Nothing arrives within the time given. */
        Object none(Duration within) throws InterruptedException {
            return received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        void cancel() {
            cancellable.cancel();
        }
    }
}
