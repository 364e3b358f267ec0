package org.attache.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** LimitsTest's checks of request limits, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class LimitsIT extends LimitsTest {
}
