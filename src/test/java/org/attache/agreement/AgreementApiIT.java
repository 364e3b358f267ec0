package org.attache.agreement;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** AgreementApiTest's checks of documents signed, against the packaged application (jar, or native executable). */
@QuarkusIntegrationTest
class AgreementApiIT extends AgreementApiTest {
}
