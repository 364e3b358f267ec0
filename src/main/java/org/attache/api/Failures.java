package org.attache.api;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * What a failure is for its client: an {@link ApiException} with a stable code and a message meant for a person.
 * Exceptions from lower layers never reach the client as they are: their class names, SQL and stack traces stay in
 * the server log. Used by {@link ClientFacingInterceptor} around every API class, and by whatever reports a failure
 * per item instead of failing the whole call.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private static volatile boolean cancellingForShutdown;

    private Failures() {
    }

    /**
     * From now on this process cancels its own statements (shutdown is past its timeout): a statement that ends as
     * cancelled (57014) was stopped by it, not by the statement timeout, and says so by its code. Told apart this way,
     * not by PostgreSQL's message, which follows the server's lc_messages.
     */
    public static void cancellingForShutdown() {
        cancellingForShutdown = true;
    }

    /** The coded error a failure is for its client; faults are logged here and become INTERNAL. */
    public static ApiException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
                return new ApiException(ErrorCode.UNAUTHENTICATED, null,
                        "This operation needs a valid bearer token; none was sent, or it is expired or not trusted.");
            }
            if (t instanceof ForbiddenException) {
                return new ApiException(ErrorCode.FORBIDDEN, null, "Your role does not allow this operation.");
            }
            if (t instanceof ConstraintViolationException violations) {
                return fromViolations(violations);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return ApiException.conflict("The record was changed by someone else at the same time; reload it and retry.");
            }
            if (t instanceof JDBCConnectionException) {
                return unavailable(failure);
            }
            // Agroal's words when no pooled connection frees up within the acquisition timeout.
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                return unavailable(failure);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                ApiException mapped = fromSqlState(sql, failure);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        LOG.error("GraphQL operation failed", failure);
        return new ApiException(ErrorCode.INTERNAL, null,
                "The request failed because of an error on the server; nothing was changed.");
    }

    private static ApiException fromSqlState(SQLException sql, Throwable failure) {
        String state = sql.getSQLState();
        // A cancelled statement: by the statement timeout, unless this process is cancelling its own at shutdown.
        if (state.equals("57014") && !cancellingForShutdown) {
            LOG.warn("Statement timeout: " + sql.getMessage());
            return new ApiException(ErrorCode.TIMEOUT, null, "The operation took longer than the database allows and"
                    + " was cancelled; nothing was changed. Ask for less: smaller pages, fewer nested lists.");
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03") || state.equals("57014")) {
            return unavailable(failure);
        }
        return switch (state) {
            // These are backstops: services check the same rules first and name the field.
            case "23505" -> ApiException.conflict("A record with the same unique value already exists.");
            case "23503" -> ApiException.invalid(null, "The input refers to a record that does not exist.");
            case "23514", "23502" -> ApiException.invalid(null, "The input breaks a rule of the data model.");
            case "22001" -> ApiException.invalid(null, "A value is longer than allowed.");
            case "22021" -> ApiException.invalid(null, "Text must not contain the NUL character (U+0000).");
            case "40001", "40P01" -> ApiException.conflict("The change collided with another one; retry it.");
            default -> null;
        };
    }

    public static ApiException unavailable(Throwable failure) {
        LOG.warn("Database unavailable: " + failure.getMessage());
        return new ApiException(ErrorCode.UNAVAILABLE, null, "The database is unavailable right now; retry shortly.");
    }

    private static ApiException fromViolations(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> inputPath(v.getPropertyPath())))
                .toList();
        if (violations.isEmpty()) {
            return ApiException.invalid(null, "The input is invalid.");
        }
        String message = violations.stream()
                .map(v -> inputPath(v.getPropertyPath()) + " " + v.getMessage())
                .collect(Collectors.joining("; "));
        return ApiException.invalid(inputPath(violations.get(0).getPropertyPath()), message);
    }

    /** "create.input.members[0].role" becomes "members[0].role": the path as the client wrote it in its input. */
    private static String inputPath(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            // Bean Validation puts a list element's index on the node after the list.
            if (node.isInIterable() && node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || kind == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "input" : field.toString();
    }
}
