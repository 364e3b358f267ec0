package org.attache.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * ObservabilityTest's checks of metrics and probes, against the packaged application (jar, or native executable with -Dnative).
 */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {
}
