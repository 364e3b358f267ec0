package org.attache;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.attache.security.Roles;

import io.restassured.path.json.JsonPath;

/**
 * The packaged application as a process of its own (the native executable when it is the newer build), on the
 * database a test gives it, with the production profile: for tests that signal it or run several replicas.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final String log;

    private PackagedApp(Process process, int httpPort, int managementPort, String log) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts it and waits until it is ready; its output goes to target/{name}.log. */
    public static PackagedApp start(String name, String jdbcUrl, int httpPort, int managementPort, Map<String, String> env)
            throws Exception {
        PackagedApp app = launch(name, jdbcUrl, httpPort, managementPort, env);
        app.awaitReadiness(200, Duration.ofMinutes(2));
        return app;
    }

    /**
     * Starts it without waiting: for tests of how it starts, or refuses to. A null value in env removes the variable
     * (a null jdbcUrl leaves the database unset).
     */
    public static PackagedApp launch(String name, String jdbcUrl, int httpPort, int managementPort, Map<String, String> env)
            throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Path executable = Path.of(System.getProperty("native.image.path", "target/none"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(executable)
                && (!Files.exists(jar)
                        || Files.getLastModifiedTime(executable).compareTo(Files.getLastModifiedTime(jar)) > 0)) {
            command.add(executable.toString());
        } else {
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        }
        String log = "target/" + name + ".log";
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log));
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", String.valueOf(jdbcUrl));
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        environment.put("ATTACHE_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("ATTACHE_JWT_PUBLIC_KEY_LOCATION", Path.of("src/dev/jwt/public-key.pem").toAbsolutePath().toString());
        environment.put("ATTACHE_JWT_ISSUER", "attache-dev");
        env.forEach((variable, value) -> {
            if (value == null) {
                environment.remove(variable);
            } else {
                environment.put(variable, value);
            }
        });
        if (jdbcUrl == null) {
            environment.remove("QUARKUS_DATASOURCE_JDBC_URL");
        }
        return new PackagedApp(builder.start(), httpPort, managementPort, log);
    }

    /** What it has written so far. */
    public String output() throws java.io.IOException {
        return Files.readString(Path.of(log));
    }

    public Process process() {
        return process;
    }

    public int httpPort() {
        return httpPort;
    }

    /**
     * Waits until /q/health/ready answers this status, asking every 25 ms for a 503 (a short window to catch) and every
     * 250 ms for a 200. Bounded by time, not by attempts: a loaded CI machine answers each attempt more slowly.
     */
    public void awaitReadiness(int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive() || status != 200, "the application exited; see " + log);
            try {
                if (given().port(managementPort).get("/q/health/ready").statusCode() == status) {
                    return;
                }
            } catch (Exception notYetListening) {
                // keep waiting
            }
            Thread.sleep(status == 200 ? 250 : 25);
        }
        throw new AssertionError("readiness never answered " + status + " within " + within + "; see " + log);
    }

    /** Runs graphql/{name}.graphql as an admin. */
    public JsonPath graphQL(String name, Map<String, Object> variables) {
        return given().port(httpPort).header("Authorization", "Bearer " + GraphQL.token(Roles.ADMIN))
                .contentType("application/json").accept("application/json")
                .body(Map.of("query", GraphQL.document(name), "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
