package org.attache.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;

/**
 * Gives every error a code in {@code extensions.code}, also those graphql-java raises before any resolver runs
 * (syntax, validation, variable types), and tells {@link GraphQLHttp} when a request failed as a whole, so that
 * it can answer such requests with 400 as the GraphQL-over-HTTP specification asks.
 */
public class ErrorCodes extends SimplePerformantInstrumentation {

    // graphql-java's wording when its token limit (quarkus.smallrye-graphql.parser-max-tokens) stops the parser.
    private static final String TOKEN_LIMIT = "parsing has been cancelled";

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        if (!result.isDataPresent()) {
            GraphQLHttp.markRequestError();
        }
        if (result.getErrors().stream().allMatch(ErrorCodes::hasCode)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(e -> hasCode(e) ? e : withCode(e)).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code(error).name());
        List<SourceLocation> locations = error.getLocations();
        // A fetcher's exception that escaped ErrorTranslator (a bug) keeps its text in the log only.
        String message = error.getErrorType() == ErrorType.DataFetchingException
                ? "The request failed because of an error on the server; nothing was changed."
                : error.getMessage();
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(locations)
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static ErrorCode code(GraphQLError error) {
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            String message = error.getMessage();
            return message != null && message.contains(TOKEN_LIMIT) ? ErrorCode.QUERY_TOO_LARGE : ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (error.getErrorType() == ErrorType.ExecutionAborted) {
            // graphql-java's own refusals, such as introspection that is not in good faith.
            return ErrorCode.BAD_REQUEST;
        }
        return ErrorCode.INTERNAL;
    }
}
