package org.attache.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of the outage test's own, which the test stops and starts again on the same port and data directory,
 * as an operator's restart or a failover would. Durability settings are PostgreSQL's defaults (fsync on), not the
 * test-friendly ones, since the test checks that acknowledged writes survive.
 */
public class StoppableDatabase implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
            dataDirectory = Files.createTempDirectory("attache-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    public static synchronized void startServer() {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        stopServer();
    }
}
