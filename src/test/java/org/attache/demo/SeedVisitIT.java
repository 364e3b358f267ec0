package org.attache.demo;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** SeedVisitTest's checks of the seed visit, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class SeedVisitIT extends SeedVisitTest {
}
