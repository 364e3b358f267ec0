package org.attache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A start-up failure over a missing setting is explained with the variable an operator sets. */
class AttacheTest {

    private static final String EXPECTED = "Attaché cannot start: quarkus.datasource.jdbc.url has no value. Set the"
            + " environment variable QUARKUS_DATASOURCE_JDBC_URL (see the configuration table in README.md).";

    @Test
    void aMissingRequiredPropertyNamesItsVariable() {
        RuntimeException failure = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "Failed to load config value of type class java.lang.String for: quarkus.datasource.jdbc.url"));
        assertEquals(EXPECTED, Attache.explain(failure));
    }

    @Test
    void anInactiveDatasourceNamesItsVariable() {
        RuntimeException failure = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "Bean is not active: SYNTHETIC bean [class=io.agroal.api.AgroalDataSource]\\nReason: Datasource '<default>' was"
                        + " deactivated automatically because its URL is not set. To activate the datasource, set configuration"
                        + " property 'quarkus.datasource.jdbc.url'. Refer to https://quarkus.io/guides/datasource for guidance."));
        assertEquals(EXPECTED, Attache.explain(failure));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        assertNull(Attache.explain(new RuntimeException("Failed to start quarkus", new IllegalStateException("port in use"))));
    }
}
