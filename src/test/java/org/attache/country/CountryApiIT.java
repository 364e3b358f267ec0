package org.attache.country;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** CountryApiTest's checks of countries, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class CountryApiIT extends CountryApiTest {
}
