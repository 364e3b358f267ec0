package org.attache.delegation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * ConcurrentUpdateTest's checks of concurrent updates, against the packaged application (jar, or native executable with
 * -Dnative).
 */
@QuarkusIntegrationTest
class ConcurrentUpdateIT extends ConcurrentUpdateTest {
}
