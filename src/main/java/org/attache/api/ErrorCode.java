package org.attache.api;

/** The stable codes a client finds in {@code errors[].extensions.code}. */
public enum ErrorCode {
    /** The operation needs a role and the request carries no valid token (none, expired, or not signed by the issuer). */
    UNAUTHENTICATED,
    /** The token is valid but its roles do not allow the operation. */
    FORBIDDEN,
    /** The input breaks a rule; {@code extensions.field} names the offending field where there is one. */
    VALIDATION,
    /** The record the operation addresses does not exist. */
    NOT_FOUND,
    /** The record changed since the client read it, or a unique value is taken. */
    CONFLICT,
    /**
     * The request is not a GraphQL request this endpoint accepts: unparseable JSON, no query, several operations in a batch.
     */
    BAD_REQUEST,
    /** The document is not GraphQL (a syntax error). */
    GRAPHQL_PARSE_FAILED,
    /** The document is valid GraphQL but not against the schema, or its variables do not fit their declared types. */
    GRAPHQL_VALIDATION_FAILED,
    /** The document nests fields deeper than the configured limit. */
    QUERY_TOO_DEEP,
    /** The document could return more values than the configured cost limit allows. */
    QUERY_TOO_COMPLEX,
    /** The document uses more aliases than allowed. */
    TOO_MANY_ALIASES,
    /** The document has more tokens than the parser accepts. */
    QUERY_TOO_LARGE,
    /** The answer would hold more values or bytes than one answer may: ask for smaller pages or fewer nested lists. */
    RESULT_TOO_LARGE,
    /** The client sent more requests, or more at once, or read more bytes than its share allows; retry after Retry-After. */
    RATE_LIMITED,
    /** The request body is larger than allowed. */
    REQUEST_TOO_LARGE,
    /** The operation asks for the schema (__schema, __type) where introspection is switched off. */
    INTROSPECTION_DISABLED,
    /** A mutation sent with GET: only POST may change data. */
    METHOD_NOT_ALLOWED,
    /** A subscription was refused: the connection already holds as many as one connection may. */
    TOO_MANY_SUBSCRIPTIONS,
    /** A subscription ended because its events were produced faster than they could be delivered. */
    SUBSCRIBER_TOO_SLOW,
    /** A dependency (the database) cannot be reached right now; retrying later may succeed. */
    UNAVAILABLE,
    /** The operation's statement ran longer than the statement timeout and was cancelled: ask for less. */
    TIMEOUT,
    /** The request named a document by its hash alone and the hash is not known: send it again with the query. */
    PERSISTED_QUERY_NOT_FOUND,
    /** Only registered (trusted) documents run here, and the request's document is not one of them. */
    DOCUMENT_NOT_TRUSTED,
    /** A fault on the server's side; details are in the server log, never in the response. */
    INTERNAL
}
