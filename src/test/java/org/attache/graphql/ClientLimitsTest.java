package org.attache.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

/** Each client's buckets on their own (no application, no clock tricks: the refill rates are tiny). */
class ClientLimitsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ClientLimits limits(double perSecond, int burst, int concurrent, long bytesPerMinute) {
        return new ClientLimits(perSecond, burst, concurrent, new MemorySize(java.math.BigInteger.valueOf(bytesPerMinute)),
                registry);
    }

    @Test
    void aBurstIsAdmittedThenTheRateRefusesWithAWaitAndOtherClientsGoOn() {
        ClientLimits limits = limits(0.01, 3, 100, 1_000_000);
        for (int i = 0; i < 3; i++) {
            assertNull(limits.admit("a"));
            limits.done("a", 10);
        }
        ClientLimits.Refusal refusal = limits.admit("a");
        assertNotNull(refusal);
        assertEquals("rate", refusal.limit());
        assertTrue(refusal.retryAfterSeconds() >= 90, "one request per 100 s: " + refusal.retryAfterSeconds());
        assertNull(limits.admit("b"), "another client has its own share");
        assertEquals(1.0, registry.counter("attache.graphql.admissions", "outcome", "rate").count());
        assertEquals(4.0, registry.counter("attache.graphql.admissions", "outcome", "admitted").count());
    }

    @Test
    void operationsInFlightAreBoundedAndFreedWhenDone() {
        ClientLimits limits = limits(1000, 1000, 2, 1_000_000);
        assertNull(limits.admit("a"));
        assertNull(limits.admit("a"));
        assertEquals("concurrency", limits.admit("a").limit());
        limits.done("a", 0);
        assertNull(limits.admit("a"));
    }

    @Test
    void answerBytesPerMinuteAreBoundedAfterTheAnswerThatPassedThem() {
        ClientLimits limits = limits(1000, 1000, 100, 60_000);
        assertNull(limits.admit("a"));
        limits.done("a", 70_000); // one large answer is written whole; the next request waits for the share to refill
        ClientLimits.Refusal refusal = limits.admit("a");
        assertEquals("bytes", refusal.limit());
        assertTrue(refusal.retryAfterSeconds() >= 10 && refusal.retryAfterSeconds() <= 12, "10 KB at 1 KB/s: "
                + refusal.retryAfterSeconds());
    }
}
