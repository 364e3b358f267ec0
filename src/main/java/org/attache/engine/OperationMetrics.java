package org.attache.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;

/**
 * Times every GraphQL operation: a Prometheus timer {@value #METER} tagged with the operation's name, type and
 * outcome, the name and type on the request's trace span, and one log line each at DEBUG. Runs after the request
 * limits: an operation they refuse never reaches {@link #beginExecuteOperation} here, so it counts as rejected, like an
 * invalid document, and is named from its text.
 */
public class OperationMetrics extends SimplePerformantInstrumentation {

    static final String METER = "attache.graphql.operations";
    /** Stands for names past the cap and names too long for a label. */
    static final String OTHER = "other";
    /** Stands for operations without a name. */
    static final String ANONYMOUS = "anonymous";
    private static final int MAX_NAME_LENGTH = 100;
    /** Histogram buckets for latency quantiles across replicas; few, since every operation name multiplies them. */
    private static final Duration[] BUCKETS = Stream.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private static final Pattern FIRST_OPERATION = Pattern.compile(
            "(?:\\s|,|#[^\\n]*\\n)*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    private final MeterRegistry registry;
    private final int maxNames;
    /** Clients choose operation names: the distinct ones become label values only up to maxNames. */
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    /** The engine's instance, for documents refused before the engine sees them ({@link #rejectedEarly}). */
    private static volatile OperationMetrics engines;

    public OperationMetrics(MeterRegistry registry, int maxNames) {
        this.registry = registry;
        this.maxNames = maxNames;
        engines = this;
    }

    /**
     * Counts, and logs at DEBUG, a document refused before graphql-java ran it (a syntax error, too many tokens, a NUL
     * character: GraphQLHttp and GraphQLWebSocket answer those themselves) as a rejected operation, like one the engine
     * refuses.
     */
    public static void rejectedEarly(String query, long startNanos) {
        OperationMetrics metrics = engines;
        if (metrics != null) {
            Timing timing = new Timing(startNanos);
            timing.query = query;
            metrics.record(timing, null, null);
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Timing(System.nanoTime());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        Timing timing = (Timing) state;
        timing.name = parameters.getOperation();
        timing.query = parameters.getQuery();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> record(timing, result, failure));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Timing timing = (Timing) state;
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        timing.name = operation.getName();
        timing.type = operation.getOperation().name().toLowerCase();
        Span span = Span.current();
        if (span.getSpanContext().isValid()) {
            span.setAttribute("graphql.operation.name", timing.name == null ? ANONYMOUS : timing.name);
            span.setAttribute("graphql.operation.type", timing.type);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private void record(Timing timing, ExecutionResult result, Throwable failure) {
        long nanos = System.nanoTime() - timing.start;
        // Never executed (invalid document, a limit): no type is known, and the outcome says why.
        String outcome = timing.type == null ? "rejected"
                : failure != null || (result != null && !result.getErrors().isEmpty()) ? "error" : "success";
        String type = timing.type == null ? "unknown" : timing.type;
        if (timing.type == null && timing.name == null && timing.query != null) {
            timing.name = firstOperationName(timing.query);
        }
        String name = label(timing.name);
        Timer.builder(METER)
                .description("GraphQL operations: name, type (query, mutation), outcome (success, error, rejected)")
                .tags("operation", name, "type", type, "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (Log.isDebugEnabled()) {
            Log.debugf("graphql operation=%s type=%s outcome=%s duration_ms=%.1f", timing.name == null ? ANONYMOUS
                    : timing.name, type, outcome, nanos / 1e6);
        }
    }

    /** The name of a document's first operation, read without a parser: rejected documents may not parse. */
    static String firstOperationName(String query) {
        Matcher operation = FIRST_OPERATION.matcher(query);
        return operation.lookingAt() ? operation.group(1) : null;
    }

    private String label(String name) {
        if (name == null) {
            return ANONYMOUS;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return OTHER;
        }
        if (names.contains(name)) {
            return name;
        }
        // A few names past the cap may slip in under concurrent first sightings; the cap bounds, it does not count.
        if (names.size() >= maxNames) {
            return OTHER;
        }
        names.add(name);
        return name;
    }

    private static final class Timing implements InstrumentationState {
        final long start;
        volatile String name;
        volatile String type;
        volatile String query;

        Timing(long start) {
            this.start = start;
        }
    }
}
