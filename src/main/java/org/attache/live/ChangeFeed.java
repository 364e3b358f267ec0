package org.attache.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.attache.graphql.ApiException;
import org.attache.graphql.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * This replica's ear on the database. One connection of its own (not the pool's: it is held for good) LISTENs on the
 * channel the change triggers announce on, so changes committed anywhere (another replica, a script) reach the
 * subscriptions held here. If the connection drops, it reconnects; changes committed meanwhile are not replayed
 * (readiness says DOWN until it listens again).
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "attache_changes";
    private static final int POLL_MILLIS = 500;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final int maxPending;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    ChangeFeed(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "attache.subscriptions.max-pending-events") int maxPending,
            MeterRegistry registry) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.maxPending = maxPending;
        Gauge.builder("attache.graphql.subscriptions", subscriptions, AtomicInteger::get)
                .description("Subscriptions receiving changes on this replica").register(registry);
    }

    /** Listens before the first request is served, so that no subscription can miss a change that follows it. */
    void start(@Observes StartupEvent event) {
        Connection first = null;
        try {
            first = connect();
        } catch (SQLException e) {
            Log.warnf("Change feed: cannot listen yet (%s); retrying in the background", e.getMessage());
        }
        Connection connection = first;
        listener = new Thread(() -> run(connection), "attache-change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopped = true;
        if (listener != null) {
            listener.join(POLL_MILLIS * 4L);
        }
        changes.onComplete();
    }

    /** Whether changes committed now will reach this replica's subscriptions. */
    public boolean listening() {
        return listening;
    }

    /**
     * The changes of one table a subscription asked for, turned into its events. Events are built on a worker (they
     * may load records) and delivered on the subscriber's Vert.x context (its connection), in order. A subscription
     * that falls more than attache.subscriptions.max-pending-events behind ends with SUBSCRIBER_TOO_SLOW instead
     * of holding ever more events in memory. Call it from the subscription's resolver, on the connection's thread.
     */
    public <T> Multi<T> subscribe(String entity, Predicate<Change> wanted, Function<Change, T> toEvent) {
        return subscribe(entity, null, wanted, toEvent);
    }

    /** As {@link #subscribe(String, Predicate, Function)}, after a check that may read the database (its ApiException ends the subscription). */
    public <T> Multi<T> subscribe(String entity, Runnable check, Predicate<Change> wanted, Function<Change, T> toEvent) {
        Context connection = Vertx.currentContext();
        // Counted once attached to the broadcast: from then on no change is missed.
        Multi<Change> attached = changes.onSubscription().invoke(subscriptions::incrementAndGet)
                .onTermination().invoke(subscriptions::decrementAndGet);
        Multi<Change> source = check == null ? attached : Uni.createFrom().item(() -> {
            check.run();
            return entity;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToMulti(checked -> attached);
        Multi<T> events = source
                .filter(change -> change.entity().equals(entity) && wanted.test(change))
                .onOverflow().buffer(maxPending)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(toEvent);
        if (connection != null) {
            events = events.emitOn(task -> connection.runOnContext(ignored -> task.run()));
        }
        return events.onFailure(BackPressureFailure.class).transform(failure -> new ApiException(ErrorCode.SUBSCRIBER_TOO_SLOW,
                null, "More than " + maxPending + " events were waiting for this subscription; subscribe again and"
                        + " read the current state with a query."));
    }

    private void run(Connection initial) {
        Connection connection = initial;
        while (!stopped) {
            try {
                if (connection == null) {
                    connection = connect();
                    Log.info("Change feed: listening again");
                }
                listen(connection);
            } catch (SQLException e) {
                if (listening) {
                    Log.warnf("Change feed: lost the database (%s); changes are not delivered until it is back", e.getMessage());
                }
            } finally {
                listening = false;
                close(connection);
                connection = null;
            }
            if (!stopped) {
                sleep(RETRY_AFTER);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        properties.setProperty("ApplicationName", "attache-change-feed");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "15");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            close(connection);
            throw e;
        }
        listening = true;
        return connection;
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
        while (!stopped) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    publish(notification.getParameter());
                }
            }
            if (System.nanoTime() - probeAt > 0) {
                // A connection the network silently dropped would otherwise wait for notifications forever.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                probeAt = System.nanoTime() + PROBE_EVERY.toNanos();
            }
        }
    }

    private void publish(String payload) {
        Change change;
        try {
            change = Change.parse(payload);
        } catch (IllegalArgumentException e) {
            Log.warnf("Change feed: ignored a notification on %s that is not a change: %s", CHANNEL, payload);
            return;
        }
        changes.onNext(change);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.debug("Change feed: closing the connection failed", e);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
