package org.attache.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Failures a running test suite cannot easily provoke (a database going away, a bug) still map to stable codes. */
class FailuresTest {

    @Test
    void lostDatabaseConnectionIsUnavailable() {
        var lost = new PersistenceException("wrapped",
                new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("refused", "08001")));
        assertEquals(ErrorCode.UNAVAILABLE.name(), Failures.translate(lost).getExtensions().get("code"));
        var terminated = new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertEquals(ErrorCode.UNAVAILABLE.name(), Failures.translate(terminated).getExtensions().get("code"));
    }

    @Test
    void aCancelledStatementIsATimeoutWhateverLanguagePostgreSQLSpeaks() {
        // Outside shutdown the only canceller is the statement timeout (GracefulShutdownIT: UNAVAILABLE at shutdown).
        for (String message : new String[] { "ERROR: canceling statement due to statement timeout",
                "FEHLER: storniere Anfrage wegen Zeitüberschreitung der Anweisung" }) {
            var slow = new PersistenceException(new SQLException(message, "57014"));
            assertEquals(ErrorCode.TIMEOUT.name(), Failures.translate(slow).getExtensions().get("code"));
        }
    }

    @Test
    void uniqueViolationRacingPastTheServiceCheckIsConflict() {
        var race = new PersistenceException(
                new SQLException("duplicate key value violates unique constraint \"topic_pkey\"", "23505"));
        ApiException translated = Failures.translate(race);
        assertEquals(ErrorCode.CONFLICT.name(), translated.getExtensions().get("code"));
        assertFalse(translated.getMessage().contains("topic_pkey"), translated.getMessage());
    }

    @Test
    void unexpectedFailureIsInternalAndTellsNothingOfItsCause() {
        ApiException translated = Failures
                .translate(new IllegalStateException("org.attache.Secret exploded at select * from x"));
        assertEquals(ErrorCode.INTERNAL.name(), translated.getExtensions().get("code"));
        assertNull(translated.getExtensions().get("field"));
        assertFalse(translated.getMessage().contains("Secret"), translated.getMessage());
        assertFalse(translated.getMessage().contains("select"), translated.getMessage());
    }
}
