package org.attache.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Migrations run without the statement timeout (quarkus.flyway.init-sql switches it off in their sessions: rebuilding
 * an index on a large table may take minutes), and Flyway takes its sessions from the pool. They are closed once the
 * migrations are done, at start, so that every session that serves requests has the timeout.
 */
@ApplicationScoped
class PoolAfterMigration {

    void closeMigrationSessions(@Observes StartupEvent event, AgroalDataSource pool) {
        pool.flush(AgroalDataSource.FlushMode.IDLE);
    }
}
