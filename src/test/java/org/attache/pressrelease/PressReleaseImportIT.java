package org.attache.pressrelease;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * PressReleaseImportTest's checks against the packaged application (jar, or native executable with -Dnative): the
 * extractor's curated words are resources, which a native executable holds only when told to.
 */
@QuarkusIntegrationTest
class PressReleaseImportIT extends PressReleaseImportTest {
}
