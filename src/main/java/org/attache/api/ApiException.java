package org.attache.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * The one error type clients see. Implementing {@link GraphQLError} lets graphql-java copy {@link #getExtensions()}
 * into the response, which is how {@code code} and {@code field} reach {@code extensions}.
 */
public class ApiException extends RuntimeException implements GraphQLError {

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION, field, message);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(ErrorCode.NOT_FOUND, field, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, null, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, as extensions.field names it; null when none is. */
    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return extensions;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }
}
