package org.attache.transport;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** ProtocolTest's checks of the HTTP protocol, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class ProtocolIT extends ProtocolTest {
}
