package org.attache.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.attache.api.ErrorCode;
import org.attache.config.Settings;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import io.quarkus.arc.Unremovable;

/**
 * A hard bound on what one operation's answer may hold, enforced while the resolvers build it: at most as many
 * values as the cost limit allows ({@link RequestLimits} estimates them before anything runs, from the page sizes and
 * the longest lists in the data; this counts them) and at most so many bytes of JSON. Once either is passed, no
 * further resolver runs and the operation is answered with {@code RESULT_TOO_LARGE} instead of its data, so a
 * selection that fans out over a few people's hundreds of visits is stopped, not written. One-statement answers are
 * measured by PostgreSQL before they leave it (sqlread/SqlReads). Subscriptions are not counted here: each event is
 * one record, and the WebSocket bounds the size of every message it sends.
 */
@Singleton
@Unremovable
public class ResultBudget extends SimplePerformantInstrumentation {

    /** JSON around each value (quotes, colon, comma, braces), on top of its key and its text. */
    private static final int PUNCTUATION = 6;

    private final long maxValues;
    private final long maxBytes;

    @Inject
    public ResultBudget(Settings settings) {
        this.maxValues = settings.graphql().maxCost();
        this.maxBytes = settings.graphql().maxResultSize().asLongValue();
    }

    /** Bytes of JSON one answer may hold; the one-statement path has PostgreSQL check them. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The refusal, the same for both read paths. */
    public GraphQLError tooLarge(boolean mutation) {
        String message = "The answer is larger than allowed (at most " + maxValues + " values and " + maxBytes
                + " bytes of JSON): ask for smaller pages (first) or fewer nested lists."
                + (mutation ? " The change itself was made; read it back with a smaller selection." : "");
        return GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", ErrorCode.RESULT_TOO_LARGE.name())).build();
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Budget();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        if (operation == OperationDefinition.Operation.SUBSCRIPTION) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        Budget budget = (Budget) state;
        budget.mutation = operation == OperationDefinition.Operation.MUTATION;
        budget.add(1, parameters.getField().getName().length() + PUNCTUATION);
        return budget; // one context for every field of the operation: nothing allocated per field
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return fetcher; // a property of an object already fetched: nothing to save by skipping it
        }
        Budget budget = (Budget) state;
        return environment -> budget.exceeded() ? null : fetcher.get(environment);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Budget budget = (Budget) state;
        if (!budget.exceeded()) {
            return CompletableFuture.completedFuture(result);
        }
        return CompletableFuture.completedFuture(new ExecutionResultImpl(null,
                List.of(tooLarge(budget.mutation))));
    }

    /** What an operation's answer holds so far; fields complete on several threads. */
    private final class Budget implements InstrumentationState, FieldFetchingInstrumentationContext {

        private final AtomicLong values = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private volatile boolean exceeded;
        private volatile boolean mutation;

        void add(long moreValues, long moreBytes) {
            if (values.addAndGet(moreValues) > maxValues | bytes.addAndGet(moreBytes) > maxBytes) {
                exceeded = true;
            }
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public void onDispatched() {
        }

        @Override
        public void onCompleted(Object result, Throwable failure) {
            Object value = result instanceof DataFetcherResult<?> wrapped ? wrapped.getData() : result;
            if (value instanceof CharSequence text) {
                add(0, text.length());
            } else if (value instanceof Collection<?> list) {
                add(0, (long) list.size() * PUNCTUATION); // values are the fields below, as the cost counts them
            }
        }
    }
}
