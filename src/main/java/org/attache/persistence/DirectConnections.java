package org.attache.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections to the service's database outside the pool, for work the pool must not hold or wait for: listening for
 * changes (a session kept for good), cancelling statements at shutdown (while every pooled one may be busy).
 */
@ApplicationScoped
public class DirectConnections {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Whether a database URL is configured (the embedded database sets one at start in dev and tests). */
    public boolean configured() {
        return url.isPresent();
    }

    /** A new session named applicationName (pg_stat_activity), with the timeouts given, in seconds. */
    public Connection open(String applicationName, int connectTimeout, int socketTimeout) throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", String.valueOf(connectTimeout));
        properties.setProperty("socketTimeout", String.valueOf(socketTimeout));
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url.orElseThrow(), properties);
    }
}
