package org.attache.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.attache.api.ApiException;
import org.attache.api.ClientConnection;
import org.attache.api.ErrorCode;
import org.attache.config.Settings;
import org.attache.persistence.Batch;
import org.attache.persistence.DirectConnections;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
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

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final DirectConnections connections;
    private final CurrentVertxRequest request;
    private final int maxPending;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    ChangeFeed(DirectConnections connections, CurrentVertxRequest request,
            Settings settings, MeterRegistry registry) {
        this.connections = connections;
        this.request = request;
        this.maxPending = settings.subscriptions().maxPendingEvents();
        Gauge.builder("attache.graphql.subscriptions", subscriptions, AtomicInteger::get)
                .description("Subscriptions receiving changes on this replica").register(registry);
    }

    /** Listens from the start; readiness (ChangeFeedCheck) stays DOWN until it does. */
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
        topics.values().forEach(topic -> topic.changes.onComplete());
    }

    /** Tables whose deletions end subscriptions to other tables ({@link Ending}). */
    private final Set<String> endingDeletions = ConcurrentHashMap.newKeySet();

    /** Whether changes committed now will reach this replica's subscriptions. */
    public boolean listening() {
        return listening;
    }

    /**
     * The changes of one table a subscription asked for, as its events, delivered on the subscriber's Vert.x context
     * (its connection) in commit order. The records they name arrive loaded (of the given type). A subscription with
     * more than attache.subscriptions.max-pending-events waiting ends with SUBSCRIBER_TOO_SLOW rather than holding
     * ever more in memory. The check, when given, runs first, on a worker and in a transaction; its ApiException
     * ends the subscription. Call it from the subscription's resolver, on the connection's thread.
     */
    public <T> Multi<T> subscribe(String entity, Class<?> type, Runnable check, Predicate<ChangeNotice> wanted,
            Function<ChangeNotice, T> toEvent) {
        return subscribe(entity, type, check, wanted, toEvent, null);
    }

    /**
     * A change of another table after which a subscription has nothing more to report: it completes then (an agenda's
     * subscription once its visit is deleted).
     */
    public record Ending(String entity, Class<?> type, Predicate<ChangeNotice> ends) {
    }

    /** As {@link #subscribe(String, Class, Runnable, Predicate, Function)}, completing after the ending change. */
    public <T> Multi<T> subscribe(String entity, Class<?> type, Runnable check, Predicate<ChangeNotice> wanted,
            Function<ChangeNotice, T> toEvent, Ending ending) {
        Context connection = Vertx.currentContext();
        Multi<ChangeNotice> topic = topics.computeIfAbsent(entity, name -> new Topic(type)).changes;
        if (ending != null) {
            // Both tables' changes are handed over by one thread, with such deletions last in their batch (publish),
            // so the deletions they cascade to are delivered before the subscription completes.
            endingDeletions.add(ending.entity());
            Multi<ChangeNotice> end = topics.computeIfAbsent(ending.entity(), name -> new Topic(ending.type())).changes
                    .filter(ending.ends());
            topic = Multi.createBy().merging().streams(topic, end).select()
                    .first(change -> !change.entity().equals(ending.entity()));
        }
        // Counted once attached to the broadcast: from then on no change is missed. Detached when the client's
        // connection closes, even if that happened while the subscription was being set up.
        ClientConnection client = ClientConnection.current(request);
        Multi<ChangeNotice> changes = topic;
        Multi<ChangeNotice> attached = Multi.createFrom().deferred(() -> {
            AtomicReference<Runnable> forget = new AtomicReference<>(() -> {
            });
            return changes.onTermination().invoke(() -> {
                subscriptions.decrementAndGet();
                forget.get().run();
            }).onSubscription().invoke(subscription -> {
                subscriptions.incrementAndGet();
                if (client != null) {
                    forget.set(client.whenClosed(subscription::cancel));
                }
            });
        });
        Multi<ChangeNotice> source = check == null ? attached : Uni.createFrom().item(() -> {
            QuarkusTransaction.requiringNew().run(check);
            return entity;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToMulti(checked -> attached);
        AtomicInteger pending = new AtomicInteger();
        return source.filter(wanted)
                .invoke(change -> {
                    if (pending.incrementAndGet() > maxPending) {
                        throw new ApiException(ErrorCode.SUBSCRIBER_TOO_SLOW, null, "More than " + maxPending
                                + " events were waiting for this subscription; subscribe again and read the current state with a query.");
                    }
                })
                // Grows as needed (a bound array per subscription would cost its full size each).
                .onOverflow().bufferUnconditionally()
                .emitOn(connection == null ? Infrastructure.getDefaultWorkerPool()
                        : task -> connection.runOnContext(ignored -> task.run()))
                .invoke(pending::decrementAndGet)
                .map(toEvent);
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
                    Log.warnf("Change feed: lost the database (%s); changes are not delivered until it is back",
                            e.getMessage());
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
        Connection connection = connections.open("attache-change-feed", 5, 15);
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
            if (notifications != null && notifications.length > 0) {
                publish(notifications);
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

    /**
     * Loads the records the changes name, one statement per table for all of them (once for every subscription of
     * this replica, and before any sees them, so that delivering never waits for the database), then hands each
     * change to the subscriptions of its table, in order. Tables nobody subscribes to are skipped.
     */
    private void publish(PGNotification[] notifications) {
        List<ChangeNotice> changes = new ArrayList<>(notifications.length);
        for (PGNotification notification : notifications) {
            try {
                ChangeNotice change = ChangeNotice.parse(notification.getParameter());
                if (topics.containsKey(change.entity())) {
                    changes.add(change);
                }
            } catch (IllegalArgumentException e) {
                Log.warnf("Change feed: ignored a notification on %s that is not a change: %s", CHANNEL,
                        notification.getParameter());
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        // A transaction's notifications arrive together, but a deleted record's may come before those of the rows
        // deleted with it: subscriptions that end with that deletion must see those rows' deletions first.
        changes.sort(Comparator
                .comparing(change -> change.kind() == ChangeKind.DELETED && endingDeletions.contains(change.entity())));
        try {
            QuarkusTransaction.requiringNew().run(() -> load(changes));
        } catch (RuntimeException e) {
            Log.warnf(e, "Change feed: could not load %d changed record(s); their changes are not delivered", changes.size());
            return;
        }
        for (ChangeNotice change : changes) {
            topics.get(change.entity()).changes.onNext(change);
        }
    }

    private void load(List<ChangeNotice> changes) {
        Map<String, List<ChangeNotice>> byEntity = new HashMap<>();
        for (ChangeNotice change : changes) {
            if (change.kind() != ChangeKind.DELETED) {
                byEntity.computeIfAbsent(change.entity(), entity -> new ArrayList<>()).add(change);
            }
        }
        byEntity.forEach((entity, ofEntity) -> {
            Map<Object, ?> records = Batch.byId(topics.get(entity).type,
                    ofEntity.stream().map(ChangeNotice::id).distinct().toList());
            // A record deleted by a later transaction before this one loaded it reads as null, as once deleted.
            ofEntity.forEach(change -> change.loaded(records.get(change.id())));
        });
    }

    /** The subscriptions of one table, and the type its records load as. */
    private record Topic(Class<?> type, BroadcastProcessor<ChangeNotice> changes) {
        Topic(Class<?> type) {
            this(type, BroadcastProcessor.create());
        }
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
