package org.attache.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * AuthorizationTest's checks of roles and tokens, against the packaged application (jar, or native executable with -Dnative).
 */
@QuarkusIntegrationTest
class AuthorizationIT extends AuthorizationTest {
}
