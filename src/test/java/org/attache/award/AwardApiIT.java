package org.attache.award;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** AwardApiTest's checks of awards, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class AwardApiIT extends AwardApiTest {
}
