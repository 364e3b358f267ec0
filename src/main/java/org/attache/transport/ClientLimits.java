package org.attache.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.attache.config.Settings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Each client's share of the service, so that one client (a token's subject; for anonymous reads, an address) cannot
 * crowd out the others: requests per second with a burst and answer bytes per minute, each a token bucket, and
 * operations in flight at once (with as many more waiting their turn). A request past a share is refused with HTTP
 * 429, Retry-After and {@code RATE_LIMITED}; {@code attache.graphql.admissions} counts them by outcome, never by client.
 */
@ApplicationScoped
public class ClientLimits {

    /** Why a request was not admitted, with the whole seconds after which it would be. */
    public record Refusal(String limit, long retryAfterSeconds, String message) {
    }

    private static final long NANOS = 1_000_000_000L;
    /** Clients idle this long with full buckets are forgotten. */
    private static final long IDLE_NANOS = 120 * NANOS;
    /**
     * An operation admitted this long ago no longer counts as in flight even if its end was never seen (a client that
     * went away before its answer): statements stop at the statement timeout, so none runs this long.
     */
    private static final long STALE_NANOS = 120 * NANOS;

    private final double requestsPerSecond;
    private final double burst;
    private final int concurrent;
    private final double bytesPerMinute;
    private final Map<String, Share> shares = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private volatile long sweptAt = System.nanoTime();

    @Inject
    ClientLimits(Settings settings, MeterRegistry registry) {
        this(settings.clients().requestsPerSecond(), settings.clients().burst(), settings.clients().concurrentOperations(),
                settings.clients().bytesPerMinute().asLongValue(), registry);
    }

    ClientLimits(double requestsPerSecond, int burst, int concurrent, long bytesPerMinute, MeterRegistry registry) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = Math.max(1, burst);
        this.concurrent = concurrent;
        this.bytesPerMinute = bytesPerMinute;
        this.registry = registry;
        for (String outcome : new String[] { "admitted", "rate", "concurrency", "bytes" }) {
            outcome(outcome);
        }
    }

    /**
     * Admits one operation of the client and runs {@code start} for it, at once or, when the client already has as
     * many operations in flight as it may, once one of them is {@link #done} (on the thread that ended it; at most as
     * many wait as may run, oldest first): a dashboard that sends a dozen queries as its page opens gets them all
     * answered, a few a little later. Returns null then, and {@link #done} must follow; or why the operation is refused.
     */
    public Refusal admit(String client, Runnable start) {
        long now = System.nanoTime();
        sweep(now);
        Share share = shares.computeIfAbsent(client, key -> new Share(now));
        Refusal refusal = null;
        List<Runnable> starting;
        synchronized (share) {
            share.refill(now);
            share.usedAt = now;
            if (share.bytes <= 0) {
                refusal = new Refusal("bytes", seconds(-share.bytes / (bytesPerMinute / 60) + 1),
                        "This client read more than its share of " + (long) bytesPerMinute + " bytes per minute.");
            } else if (share.requests < 1) {
                refusal = new Refusal("rate", seconds((1 - share.requests) / requestsPerSecond), "This client sent more"
                        + " than " + format(requestsPerSecond) + " requests per second (bursts of " + (long) burst + ").");
            } else if (share.inFlight(now) >= concurrent && share.waiting.size() >= concurrent) {
                refusal = tooManyAtOnce();
            } else {
                share.requests -= 1;
                share.waiting.addLast(start);
            }
            starting = refusal == null ? share.startWaiting(now) : List.of();
        }
        if (refusal != null) {
            outcome(refusal.limit()).increment();
        }
        started(starting);
        return refusal;
    }

    /**
     * Gives up waiting for an operation that has not started yet: true if it was still waiting (it never will start;
     * the caller answers it with {@link #tooManyAtOnce()}), false if it has started meanwhile.
     */
    public boolean abandon(String client, Runnable start) {
        Share share = shares.get(client);
        boolean abandoned;
        synchronized (share) {
            abandoned = share.waiting.remove(start);
        }
        if (abandoned) {
            outcome("concurrency").increment();
        }
        return abandoned;
    }

    /** The refusal of an operation that waited too long for one of its client's operations in flight to end. */
    public Refusal tooManyAtOnce() {
        return new Refusal("concurrency", 1, "This client had " + concurrent + " operations in flight and " + concurrent
                + " more waiting; wait for them to finish.");
    }

    /** An admitted operation ended, having written this many bytes of answer: a waiting one may start. */
    public void done(String client, long bytesWritten) {
        Share share = shares.get(client);
        if (share == null) {
            return;
        }
        List<Runnable> starting;
        synchronized (share) {
            share.admittedAt.pollFirst();
            share.bytes -= bytesWritten;
            starting = share.startWaiting(System.nanoTime());
        }
        started(starting);
    }

    private void started(List<Runnable> starting) {
        for (Runnable start : starting) {
            outcome("admitted").increment();
            start.run();
        }
    }

    private static long seconds(double seconds) {
        return Math.max(1, (long) Math.ceil(seconds));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private Counter outcome(String outcome) {
        return outcomes.computeIfAbsent(outcome, name -> Counter.builder("attache.graphql.admissions").tag("outcome", name)
                .description("GraphQL requests admitted, or refused by which per-client limit").register(registry));
    }

    private void sweep(long now) {
        if (now - sweptAt < IDLE_NANOS) {
            return;
        }
        sweptAt = now;
        shares.values().removeIf(share -> {
            synchronized (share) {
                share.refill(now);
                return share.inFlight(now) == 0 && share.waiting.isEmpty() && now - share.usedAt > IDLE_NANOS
                        && share.bytes >= bytesPerMinute;
            }
        });
    }

    /** One client's buckets. */
    private final class Share {
        double requests = burst;
        double bytes = bytesPerMinute;
        /** When each operation in flight was admitted, oldest first. */
        final ArrayDeque<Long> admittedAt = new ArrayDeque<>();
        /** Operations admitted but waiting for one in flight to end, oldest first. */
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        long refilledAt;
        long usedAt;

        Share(long now) {
            refilledAt = now;
            usedAt = now;
        }

        /** Takes the waiting operations that may start now, counted as in flight from now. */
        List<Runnable> startWaiting(long now) {
            List<Runnable> starting = new ArrayList<>();
            while (!waiting.isEmpty() && inFlight(now) < concurrent) {
                starting.add(waiting.pollFirst());
                admittedAt.addLast(now);
            }
            return starting;
        }

        int inFlight(long now) {
            while (!admittedAt.isEmpty() && now - admittedAt.peekFirst() > STALE_NANOS) {
                admittedAt.pollFirst();
            }
            return admittedAt.size();
        }

        void refill(long now) {
            double elapsed = (now - refilledAt) / (double) NANOS;
            requests = Math.min(burst, requests + elapsed * requestsPerSecond);
            bytes = Math.min(bytesPerMinute, bytes + elapsed * bytesPerMinute / 60);
            refilledAt = now;
        }
    }
}
