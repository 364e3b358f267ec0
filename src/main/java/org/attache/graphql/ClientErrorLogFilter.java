package org.attache.graphql;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps clients' mistakes out of the error log. SmallRye logs every failed field at ERROR, an unknown id or a
 * refused token included; those are {@link ApiException}s and belong to the client. Server faults still reach the
 * log, once, from {@link ErrorTranslator}.
 */
@LoggingFilter(name = "attache-client-errors")
public final class ClientErrorLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(record.getThrown() instanceof ApiException && record.getLoggerName().startsWith("io.smallrye.graphql"));
    }
}
