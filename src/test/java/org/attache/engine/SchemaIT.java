package org.attache.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** SchemaTest's checks of the published schema, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class SchemaIT extends SchemaTest {
}
