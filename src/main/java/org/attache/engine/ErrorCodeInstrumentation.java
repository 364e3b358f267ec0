package org.attache.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.attache.api.ErrorCode;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every error a code in {@code extensions.code}, also those graphql-java raises before any resolver runs
 * (validation, variable types; syntax errors are answered earlier, by the transport), and tells
 * the transport ({@link HttpExchange}) when a request failed as a whole, so that it can answer it with 400 as the
 * GraphQL-over-HTTP
 * specification asks.
 */
public class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    /** A qualified Java class name, which SmallRye puts in some validation messages: only its simple name is kept. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    /** The HTTP request the operation came with, taken when it starts: its result may complete on another thread. */
    private record Request(RoutingContext http) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Request(HttpExchange.current());
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        RoutingContext http = state instanceof Request request ? request.http() : null;
        HttpExchange.mark(http, HttpExchange.ANSWER_HAS_ERRORS);
        // SmallRye checks argument types while fetching, so a variable of the wrong type shows up as a field error.
        boolean invalid = result.getErrors().stream().anyMatch(e -> e.getErrorType() == ErrorType.ValidationError);
        if (!result.isDataPresent() || invalid) {
            HttpExchange.mark(http, HttpExchange.REQUEST_ERROR);
        }
        // Where the request was invalid, the nulls it left behind are no news: only the reasons are reported.
        List<GraphQLError> errors = result.getErrors().stream()
                .filter(e -> !invalid || e.getErrorType() != ErrorType.NullValueInNonNullableField)
                .map(e -> hasCode(e) ? e : withCode(e, parameters))
                .map(ErrorCodeInstrumentation::unclassified)
                .toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    /**
     * The error as written without graphql-java's extensions.classification ("ValidationError", "DataFetchingException"):
     * a library's type names, which extensions.code replaces. SmallRye writes a resolver's error from its exception,
     * with the extension fields configured (code, field), and every other error from graphql-java's form of it.
     */
    private static GraphQLError unclassified(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching) {
            return error;
        }
        return new GraphQLError() {
            @Override
            public String getMessage() {
                return error.getMessage();
            }

            @Override
            public List<SourceLocation> getLocations() {
                return error.getLocations();
            }

            @Override
            public ErrorClassification getErrorType() {
                return error.getErrorType();
            }

            @Override
            public List<Object> getPath() {
                return error.getPath();
            }

            @Override
            public Map<String, Object> getExtensions() {
                return error.getExtensions();
            }

            @Override
            public Map<String, Object> toSpecification() {
                Map<String, Object> specification = new LinkedHashMap<>(error.toSpecification());
                if (specification.get("extensions") instanceof Map<?, ?> extensions) {
                    Map<Object, Object> kept = new LinkedHashMap<>(extensions);
                    kept.remove("classification");
                    specification.put("extensions", kept);
                }
                return specification;
            }
        };
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error, InstrumentationExecutionParameters parameters) {
        if (error.getErrorType() == ErrorType.ValidationError) {
            GraphQLError readable = InputErrors.rewrite(error, parameters.getQuery(), parameters.getVariables(),
                    parameters.getSchema());
            if (readable != null) {
                return readable;
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code(error).name());
        List<SourceLocation> locations = error.getLocations();
        // A fetcher's exception that escaped Failures (a bug) keeps its text in the log only.
        String message = error.getErrorType() == ErrorType.DataFetchingException
                ? "The request failed because of an error on the server; nothing was changed."
                : JAVA_NAME.matcher(error.getMessage()).replaceAll("$1");
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
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if ("IntrospectionDisabled".equals(error.getErrorType().toString())) {
            return ErrorCode.INTROSPECTION_DISABLED;
        }
        if (error.getErrorType() == ErrorType.ExecutionAborted) {
            // graphql-java's own refusals, such as introspection that is not in good faith.
            return ErrorCode.BAD_REQUEST;
        }
        return ErrorCode.INTERNAL;
    }
}
