package org.attache.person;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** PersonApiTest's checks of people, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class PersonApiIT extends PersonApiTest {
}
