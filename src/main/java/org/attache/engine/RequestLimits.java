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
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
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
        Measure measure = new Measure(execution.getGraphQLSchema(), execution.getFragmentsByName(),
                execution.getCoercedVariables().toMap(), Arc.container().instance(ListSizes.class).get());
        GraphQLOutputType root = switch (execution.getOperationDefinition().getOperation()) {
            case MUTATION -> execution.getGraphQLSchema().getMutationType();
            case SUBSCRIPTION -> execution.getGraphQLSchema().getSubscriptionType();
            default -> execution.getGraphQLSchema().getQueryType();
        };
        long cost = measure.cost(execution.getOperationDefinition().getSelectionSet(), root, 1);
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

    /** One walk over the operation, fragments inlined; validation has already ruled out fragment cycles. */
    private static final class Measure {

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final ListSizes lists;
        int depth;
        int aliases;

        Measure(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                ListSizes lists) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
            this.lists = lists;
        }

        long cost(SelectionSet selections, GraphQLType parent, int level) {
            long cost = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    cost += field(field, parent, level);
                } else if (selection instanceof InlineFragment inline) {
                    cost += cost(inline.getSelectionSet(), typeOf(inline.getTypeCondition(), parent), level);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    cost += cost(fragment.getSelectionSet(), typeOf(fragment.getTypeCondition(), parent), level);
                }
            }
            return cost;
        }

        private long field(Field field, GraphQLType parent, int level) {
            if (field.getAlias() != null) {
                aliases++;
            }
            if (field.getName().startsWith("__")) {
                return 0;
            }
            depth = Math.max(depth, level);
            if (field.getSelectionSet() == null || !(parent instanceof GraphQLFieldsContainer container)) {
                return 1;
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition == null) {
                return 1;
            }
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            long rows = 1;
            if (definition.getArgument("first") != null) {
                rows = pageSize(field);
            } else if (GraphQLTypeUtil.isList(type) && !GraphQLTypeUtil.unwrapAll(parent).getName().endsWith("Connection")) {
                rows = lists.estimate(GraphQLTypeUtil.unwrapAll(parent).getName(), field.getName());
            }
            return 1 + rows * cost(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(type), level + 1);
        }

        private long pageSize(Field field) {
            var argument = field.getArguments().stream().filter(a -> a.getName().equals("first")).findFirst();
            if (argument.isPresent()) {
                if (argument.get().getValue() instanceof IntValue literal) {
                    return Math.max(0, literal.getValue().longValue());
                }
                if (argument.get().getValue() instanceof VariableReference variable
                        && variables.get(variable.getName()) instanceof Number number) {
                    return Math.max(0, number.longValue());
                }
            }
            return Paging.DEFAULT_PAGE_SIZE;
        }

        private GraphQLType typeOf(TypeName condition, GraphQLType parent) {
            return condition == null ? parent : schema.getType(condition.getName());
        }
    }
}
