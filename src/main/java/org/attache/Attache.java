package org.attache;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Only here to name, when start-up fails over a setting, the environment variable an operator
 * sets beside the configuration key Quarkus names ("quarkus.datasource.jdbc.url" is QUARKUS_DATASOURCE_JDBC_URL).
 */
@QuarkusMain
public final class Attache {

    /** Quarkus' words for a required setting that has no value: a required property, or a datasource left inactive. */
    private static final Pattern MISSING = Pattern.compile(
            "Failed to load config value of type .+? for: (\\S+)|because its URL is not set.*?set configuration property '([^']+)'",
            Pattern.DOTALL);

    public static void main(String... args) {
        Quarkus.run(Service.class, (exitCode, failure) -> {
            String explained = failure == null ? null : explain(failure);
            if (explained != null) {
                System.err.println(explained);
            } else {
                reportFailure(failure);
            }
            System.exit(exitCode);
        }, args);
    }

    /** The variable to set for a missing setting, or null when the failure is about something else. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher missing = t.getMessage() == null ? null : MISSING.matcher(t.getMessage());
            if (missing != null && missing.find()) {
                String key = missing.group(1) != null ? missing.group(1) : missing.group(2);
                return "Attaché cannot start: " + key + " has no value. Set the environment variable "
                        + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                        + " (see the configuration table in README.md).";
            }
        }
        return null;
    }

    /**
     * The innermost reason, on stderr: Quarkus logs a failed start, but the log can be cut short by the exit (seen with
     * the embedded database stopping), and a configuration problem it only prints.
     */
    private static void reportFailure(Throwable failure) {
        if (failure == null) {
            return;
        }
        Throwable reason = failure;
        while (reason.getCause() != null && reason.getCause() != reason) {
            reason = reason.getCause();
        }
        System.err.println("Attaché cannot start: " + reason.getMessage());
    }

    /** The service runs until it is told to stop. */
    public static final class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
