package org.attache.persistence;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Names this process's database sessions (pg_stat_activity.application_name) after its host and process id, unique
 * among replicas, so that {@link ShutdownCancellation} can tell its own statements from everyone else's. Ranked below
 * every other source: an operator's ApplicationName wins. Registered in META-INF/services.
 */
public class ConnectionName implements ConfigSource {

    static final String KEY = "quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName";
    /** PostgreSQL keeps the first 63 bytes of an application name. */
    private static final int MAX_LENGTH = 63;

    static final String NAME = name();

    private static String name() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        String name = "attache " + host + " " + ProcessHandle.current().pid();
        return name.length() > MAX_LENGTH ? name.substring(name.length() - MAX_LENGTH) : name;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, NAME);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? NAME : null;
    }

    @Override
    public String getName() {
        return "attache-connection-name";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
