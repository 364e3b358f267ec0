package org.attache.delegation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** DelegationApiTest's checks of visits, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class DelegationApiIT extends DelegationApiTest {
}
