package org.attache.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Each client's buckets on their own (no application, no clock tricks: the refill rates are tiny). */
class ClientLimitsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ClientLimits limits(double perSecond, int burst, int concurrent, long bytesPerMinute) {
        return new ClientLimits(perSecond, burst, concurrent, bytesPerMinute, registry);
    }

    /** Admits an operation of the client, counting the starts it makes. */
    private static ClientLimits.Refusal admit(ClientLimits limits, String client, AtomicInteger starts) {
        return limits.admit(client, starts::incrementAndGet);
    }

    @Test
    void aBurstIsAdmittedThenTheRateRefusesWithAWaitAndOtherClientsGoOn() {
        ClientLimits limits = limits(0.01, 3, 100, 1_000_000);
        AtomicInteger starts = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertNull(admit(limits, "a", starts));
            limits.done("a", 10);
        }
        assertEquals(3, starts.get());
        ClientLimits.Refusal refusal = admit(limits, "a", starts);
        assertNotNull(refusal);
        assertEquals("rate", refusal.limit());
        assertTrue(refusal.retryAfterSeconds() >= 90, "one request per 100 s: " + refusal.retryAfterSeconds());
        assertNull(admit(limits, "b", starts), "another client has its own share");
        assertEquals(4, starts.get());
        assertEquals(1.0, registry.counter("attache.graphql.admissions", "outcome", "rate").count());
        assertEquals(4.0, registry.counter("attache.graphql.admissions", "outcome", "admitted").count());
    }

    @Test
    void operationsOverTheNumberInFlightWaitTheirTurnInOrderThenAreRefused() {
        ClientLimits limits = limits(1000, 1000, 2, 1_000_000);
        List<String> started = new ArrayList<>();
        for (String operation : List.of("1", "2", "3", "4")) {
            assertNull(limits.admit("a", () -> started.add(operation)));
        }
        assertEquals(List.of("1", "2"), started, "two run, two wait");
        assertEquals("concurrency", limits.admit("a", () -> started.add("5")).limit(), "as many wait as may run");
        limits.done("a", 0);
        assertEquals(List.of("1", "2", "3"), started, "the oldest waiting starts when one ends");
        Runnable fourth = () -> started.add("4 again");
        assertNull(limits.admit("b", fourth));
        assertFalse(limits.abandon("b", fourth), "started already: nothing to abandon");
        limits.done("a", 0);
        limits.done("a", 0);
        assertEquals(List.of("1", "2", "3", "4 again", "4"), started);
    }

    @Test
    void aWaitingOperationCanBeAbandonedAndThenNeverStarts() {
        ClientLimits limits = limits(1000, 1000, 1, 1_000_000);
        AtomicInteger starts = new AtomicInteger();
        assertNull(admit(limits, "a", starts));
        Runnable waiting = () -> starts.addAndGet(100);
        assertNull(limits.admit("a", waiting));
        assertTrue(limits.abandon("a", waiting));
        limits.done("a", 0);
        assertEquals(1, starts.get());
        assertEquals("concurrency", limits.tooManyAtOnce().limit());
    }

    @Test
    void answerBytesPerMinuteAreBoundedAfterTheAnswerThatPassedThem() {
        ClientLimits limits = limits(1000, 1000, 100, 60_000);
        AtomicInteger starts = new AtomicInteger();
        assertNull(admit(limits, "a", starts));
        limits.done("a", 70_000); // one large answer is written whole; the next request waits for the share to refill
        ClientLimits.Refusal refusal = admit(limits, "a", starts);
        assertEquals("bytes", refusal.limit());
        assertTrue(refusal.retryAfterSeconds() >= 10 && refusal.retryAfterSeconds() <= 12, "10 KB at 1 KB/s: "
                + refusal.retryAfterSeconds());
    }
}
