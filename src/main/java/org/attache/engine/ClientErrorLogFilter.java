package org.attache.engine;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.attache.api.ApiException;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps clients' mistakes out of the error log, and their credentials out of every log. SmallRye logs every failed
 * field at ERROR, an unknown id or a refused token included; those are {@link ApiException}s and belong to the client.
 * Server faults still reach the log, once, from {@link Failures}. Whatever logs a bearer token (a library at
 * DEBUG quoting a refused one), the line keeps only its first characters.
 */
@LoggingFilter(name = "attache-client-errors")
public final class ClientErrorLogFilter implements Filter {

    /** A JWT: base64url header and payload (both JSON objects, so starting with eyJ), and a signature. */
    private static final Pattern TOKEN = Pattern
            .compile("(eyJ[A-Za-z0-9_-]{4})[A-Za-z0-9_-]*\\.eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() instanceof ApiException && record.getLoggerName().startsWith("io.smallrye.graphql")) {
            return false;
        }
        String message = record.getMessage();
        if (message != null && message.contains("eyJ")) {
            record.setMessage(TOKEN.matcher(message).replaceAll("$1...(token masked)"));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text && text.toString().contains("eyJ")) {
                    parameters[i] = TOKEN.matcher(text).replaceAll("$1...(token masked)");
                }
            }
        }
        return true;
    }
}
