package org.attache.agenda;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** AgendaApiTest's checks of agenda items, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class AgendaApiIT extends AgendaApiTest {
}
