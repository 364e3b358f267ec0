package org.attache.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.attache.api.Failures;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;

/**
 * Keeps shutdown within quarkus.shutdown.delay + quarkus.shutdown.timeout (inside Kubernetes' grace period). Quarkus
 * stops waiting for requests in flight at the timeout, but a request blocked in a statement (on a lock, say) would
 * keep the process alive until the statement ends: up to the socket timeout. Its statements are cancelled then, and
 * the request ends with an error.
 */
@ApplicationScoped
public class ShutdownCancellation {

    @Inject
    DirectConnections connections;

    @ConfigProperty(name = ConnectionName.KEY)
    String applicationName;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    @ConfigProperty(name = "quarkus.shutdown.timeout")
    Optional<Duration> timeout;

    /**
     * Fired when shutdown starts (SIGTERM). Quarkus' own shutdown events come only after the requests in flight have
     * ended, however long that takes, so the cancellation is timed from here.
     */
    void onShutdownStarted(@Observes ShutdownDelayInitiatedEvent started) {
        if (!connections.configured()) {
            return;
        }
        long millis = delay.orElse(Duration.ZERO).plus(timeout.orElse(Duration.ZERO)).toMillis();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            cancelRunningStatements();
        }, "attache-shutdown-cancellation");
        // The process exits without waiting for it when everything ended in time.
        canceller.setDaemon(true);
        canceller.start();
    }

    private void cancelRunningStatements() {
        Failures.cancellingForShutdown();
        try (Connection connection = connections.open("attache-shutdown", 2, 3);
                PreparedStatement cancel = connection.prepareStatement("SELECT count(pg_cancel_backend(pid))"
                        + " FROM pg_stat_activity WHERE application_name = ? AND state = 'active' AND pid <> pg_backend_pid()")) {
            cancel.setString(1, applicationName);
            try (ResultSet cancelled = cancel.executeQuery()) {
                if (cancelled.next() && cancelled.getLong(1) > 0) {
                    Log.warnf("Shutdown: cancelled %d statement(s) still running after the shutdown timeout",
                            cancelled.getLong(1));
                }
            }
        } catch (SQLException e) {
            Log.warnf("Shutdown: could not cancel statements still running (%s)", e.getMessage());
        }
    }
}
