package org.attache.topic;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** TopicApiTest's checks of topics, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class TopicApiIT extends TopicApiTest {
}
