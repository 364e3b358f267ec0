package org.attache.graphql;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Each client's share of the service, so that one client (a token's subject; for anonymous reads, an address) cannot
 * crowd out the others: requests per second with a burst, operations in flight at once, and answer bytes per minute,
 * each a token bucket. A request past a share is refused with HTTP 429, Retry-After and {@code RATE_LIMITED}; the
 * outcomes are counted in {@code attache.graphql.admissions} by outcome, never by client.
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

    ClientLimits(@ConfigProperty(name = "attache.clients.requests-per-second") double requestsPerSecond,
            @ConfigProperty(name = "attache.clients.burst") int burst,
            @ConfigProperty(name = "attache.clients.concurrent-operations") int concurrent,
            @ConfigProperty(name = "attache.clients.bytes-per-minute") MemorySize bytesPerMinute, MeterRegistry registry) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = Math.max(1, burst);
        this.concurrent = concurrent;
        this.bytesPerMinute = bytesPerMinute.asLongValue();
        this.registry = registry;
        for (String outcome : new String[] {"admitted", "rate", "concurrency", "bytes"}) {
            outcome(outcome);
        }
    }

    /** Admits one operation of the client (then {@link #done} must follow), or says why not. */
    public Refusal admit(String client) {
        long now = System.nanoTime();
        sweep(now);
        Share share = shares.computeIfAbsent(client, key -> new Share(now));
        Refusal refusal;
        synchronized (share) {
            share.refill(now);
            share.usedAt = now;
            if (share.bytes <= 0) {
                refusal = new Refusal("bytes", seconds(-share.bytes / (bytesPerMinute / 60) + 1),
                        "This client read more than its share of " + (long) bytesPerMinute + " bytes per minute.");
            } else if (share.inFlight(now) >= concurrent) {
                refusal = new Refusal("concurrency", 1, "This client already has " + concurrent
                        + " operations in flight; wait for one to finish.");
            } else if (share.requests < 1) {
                refusal = new Refusal("rate", seconds((1 - share.requests) / requestsPerSecond), "This client sent more"
                        + " than " + format(requestsPerSecond) + " requests per second (bursts of " + (long) burst + ").");
            } else {
                share.requests -= 1;
                share.admittedAt.addLast(now);
                refusal = null;
            }
        }
        outcome(refusal == null ? "admitted" : refusal.limit()).increment();
        return refusal;
    }

    /** An admitted operation ended, having written this many bytes of answer. */
    public void done(String client, long bytesWritten) {
        Share share = shares.get(client);
        if (share != null) {
            synchronized (share) {
                share.admittedAt.pollFirst();
                share.bytes -= bytesWritten;
            }
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
                return share.inFlight(now) == 0 && now - share.usedAt > IDLE_NANOS && share.bytes >= bytesPerMinute;
            }
        });
    }

    /** One client's buckets. */
    private final class Share {
        double requests = burst;
        double bytes = bytesPerMinute;
        /** When each operation in flight was admitted, oldest first. */
        final ArrayDeque<Long> admittedAt = new ArrayDeque<>();
        long refilledAt;
        long usedAt;

        Share(long now) {
            refilledAt = now;
            usedAt = now;
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
