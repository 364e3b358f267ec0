package org.attache.graphql;

/** The stable codes a client finds in {@code errors[].extensions.code}. */
public enum ErrorCode {
    /** The input breaks a rule; {@code extensions.field} names the offending field where there is one. */
    VALIDATION,
    /** The record the operation addresses does not exist. */
    NOT_FOUND,
    /** The record changed since the client read it, or a unique value is taken. */
    CONFLICT,
    /** A dependency (the database) cannot be reached right now; retrying later may succeed. */
    UNAVAILABLE,
    /** A fault on the server's side; details are in the server log, never in the response. */
    INTERNAL
}
