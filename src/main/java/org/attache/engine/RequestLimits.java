package org.attache.engine;

import java.util.List;
import java.util.Map;

import org.attache.api.ErrorCode;
import org.attache.api.Paging;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.quarkus.arc.Arc;

/**
 * Refuses, before any resolver runs, operations that nest too deep, use too many aliases, or could produce too many
 * values (OWASP GraphQL cheat sheet). Cost is an upper bound of the values an operation may return: each field
 * counts 1; what is selected below a connection counts once per row it may return ({@code first}, or its default);
 * below any other list, as many times as the longest such list in the data holds ({@link ListSizes}), and at least
 * {@link #LIST_ESTIMATE} times. {@link ResultBudget} holds the answer to the same bound while it is built.
 * Introspection fields are left to graphql-java's own
 * good-faith introspection check and to the introspection switch.
 */
public class RequestLimits extends SimplePerformantInstrumentation {

    /** The least length assumed for a list without a page size (a visit's members, an item's participants...). */
    static final int LIST_ESTIMATE = 10;

    private final int maxDepth;
    private final long maxCost;
    private final int maxAliases;

    public RequestLimits(int maxDepth, long maxCost, int maxAliases) {
        this.maxDepth = maxDepth;
        this.maxCost = maxCost;
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        ExecutableNormalizedOperation operation;
        try {
            // Made once per execution and kept by it: the one-statement read path reads the same one.
            operation = execution.getNormalizedQueryTree().get();
        } catch (AbortExecutionException e) { // past graphql-java's own bound of fields (fragments spread in fragments)
            throw refusal(ErrorCode.QUERY_TOO_COMPLEX, "The operation selects more than "
                    + ExecutableNormalizedOperationFactory.Options.defaultOptions().getMaxFieldsCount()
                    + " fields once its fragments are spread; at most " + maxCost + " values are allowed.");
        }
        Measure measure = new Measure(execution.getGraphQLSchema(), Arc.container().instance(ListSizes.class).get());
        long cost = measure.cost(operation.getTopLevelFields());
        if (measure.aliases > maxAliases) {
            throw refusal(ErrorCode.TOO_MANY_ALIASES, "The operation uses " + measure.aliases + " aliases; at most "
                    + maxAliases + " are allowed.");
        }
        if (measure.depth > maxDepth) {
            throw refusal(ErrorCode.QUERY_TOO_DEEP, "The operation nests fields " + measure.depth + " levels deep; at most "
                    + maxDepth + " are allowed.");
        }
        if (cost > maxCost) {
            throw refusal(ErrorCode.QUERY_TOO_COMPLEX, "The operation could return about " + cost + " values; at most "
                    + maxCost + " are allowed. Ask for smaller pages (first) or fewer nested lists.");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", code.name())).build()));
    }

    /**
     * A walk over the normalized operation: fragments already spread, @skip and @include applied, and fields of the
     * same response key merged, so a field counts once however often the document names it.
     */
    private static final class Measure {

        private final GraphQLSchema schema;
        private final ListSizes lists;
        int depth;
        int aliases;

        Measure(GraphQLSchema schema, ListSizes lists) {
            this.schema = schema;
            this.lists = lists;
        }

        long cost(List<ExecutableNormalizedField> fields) {
            long cost = 0;
            for (ExecutableNormalizedField field : fields) {
                cost += field(field);
            }
            return cost;
        }

        private long field(ExecutableNormalizedField field) {
            if (field.getAlias() != null) {
                aliases++;
            }
            if (field.getName().startsWith("__")) {
                return 0;
            }
            depth = Math.max(depth, field.getLevel());
            if (!field.hasChildren()) {
                return 1;
            }
            // A field selected on several types of an interface has the same definition in each.
            GraphQLFieldDefinition definition = field.getFieldDefinitions(schema).get(0);
            long rows = 1;
            if (definition.getArgument("first") != null) {
                rows = field.getResolvedArguments().get("first") instanceof Number first ? Math.max(0, first.longValue())
                        : Paging.DEFAULT_PAGE_SIZE;
            } else if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()))) {
                for (String type : field.getObjectTypeNames()) {
                    if (!type.endsWith("Connection")) { // a connection's lists hold its page, counted above
                        rows = Math.max(rows, lists.estimate(type, field.getName()));
                    }
                }
            }
            return 1 + rows * cost(field.getChildren());
        }
    }
}
