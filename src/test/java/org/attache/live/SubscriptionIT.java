package org.attache.live;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** SubscriptionTest's checks against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class SubscriptionIT extends SubscriptionTest {
}
