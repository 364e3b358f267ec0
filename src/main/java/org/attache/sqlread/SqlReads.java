package org.attache.sqlread;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.attache.agreement.AgreementService;
import org.attache.api.ApiException;
import org.attache.api.ErrorCode;
import org.attache.api.Failures;
import org.attache.award.AwardService;
import org.attache.config.Settings;
import org.attache.delegation.DelegationService;
import org.attache.engine.HttpExchange;
import org.attache.engine.ResultBudget;
import org.attache.history.ChangeHistory;
import org.attache.persistence.Sql;
import org.attache.person.PersonService;
import org.attache.security.Actor;
import org.attache.security.Roles;
import org.attache.stats.StatsService;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLTypeUtil;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The engine's strategy for queries (EngineCustomizer takes it from CDI, so that the engine does not depend on this
 * package). Answers a query with one SQL statement when {@link SqlSelection} can compile it, and with the resolvers otherwise.
 * Everything around execution stays the same for both: parsing, validation, request limits, metrics and error codes
 * run before and after this strategy. The roles are the resolvers' (every compiled field is a viewer's), so a caller
 * who may not read is left to them and gets their error; so is an operation whose arguments the services refuse (the
 * same checks run first: DelegationService.plan) or whose statement fails, except when the database is unavailable:
 * that is reported at once, as the resolvers would after waiting for it a second time. The request header
 * {@value #HEADER}: resolvers forces the resolvers (to compare answers); answers from SQL carry {@value #HEADER}: sql.
 */
@Singleton
@Unremovable
public class SqlReads extends AsyncExecutionStrategy {

    public static final String HEADER = "Attache-Execution";

    /** What {@link #answer} returns for an answer over the budget. */
    private static final Object TOO_LARGE = new Object();

    private final boolean enabled;
    private final ResultBudget budget;

    /** Counted by path, and for the resolvers by why: {@code attache_graphql_reads_total} in /q/metrics. */
    static final String METER = "attache.graphql.reads";

    /** Why a query went to the resolvers. */
    enum Fallback {
        SWITCHED_OFF,
        FORCED,
        NOT_HTTP,
        NOT_A_VIEWER,
        NOT_COMPILED,
        REFUSED,
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Counter compiled;
    private final Map<Fallback, Counter> fallbacks = new EnumMap<>(Fallback.class);

    /** The services that plan the compiled pages (client proxies, looked up once rather than per query). */
    private final PageRequest.Planners planners;
    /** Where each entity's fields are read from, as Hibernate maps them. */
    private final ReadModel model;

    @Inject
    SqlReads(Settings settings, ResultBudget budget, MeterRegistry registry, DelegationService delegations,
            AwardService awards, PersonService persons, AgreementService agreements, StatsService stats,
            ChangeHistory history, SessionFactory sessions) {
        super(new ExceptionHandler()); // SmallRye's, as on the strategy it replaces
        this.model = ReadModel.of(sessions.unwrap(SessionFactoryImplementor.class).getMappingMetamodel());
        this.planners = new PageRequest.Planners(delegations, awards, persons, agreements, stats, history);
        this.enabled = settings.graphql().sqlReads();
        this.budget = budget;
        this.compiled = reads(registry, "sql", "compiled");
        for (Fallback why : Fallback.values()) {
            fallbacks.put(why, reads(registry, "resolvers", why.tag()));
        }
    }

    private static Counter reads(MeterRegistry registry, String path, String reason) {
        return Counter.builder(METER).description("Queries answered with one SQL statement, or by the resolvers and why")
                .tags("path", path, "reason", reason).register(registry);
    }

    private CompletableFuture<ExecutionResult> resolve(Fallback why, ExecutionContext execution,
            ExecutionStrategyParameters parameters) {
        fallbacks.get(why).increment();
        return super.execute(execution, parameters);
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext execution, ExecutionStrategyParameters parameters) {
        if (!enabled) {
            return resolve(Fallback.SWITCHED_OFF, execution, parameters);
        }
        RoutingContext request = HttpExchange.current();
        // Over a WebSocket (the request is its upgrade), SmallRye's protocol handlers write the data themselves and
        // know no RawJson: such a query got no answer at all. The resolvers answer it.
        if (request == null || request.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            return resolve(Fallback.NOT_HTTP, execution, parameters);
        }
        if ("resolvers".equalsIgnoreCase(request.request().getHeader(HEADER))) {
            return resolve(Fallback.FORCED, execution, parameters);
        }
        if (!mayRead()) {
            return resolve(Fallback.NOT_A_VIEWER, execution, parameters);
        }
        try {
            SqlSelection.check(execution, model);
        } catch (SqlSelection.Unsupported e) {
            Log.debugf("Query left to the resolvers: %s", e.getMessage());
            return resolve(Fallback.NOT_COMPILED, execution, parameters);
        } catch (RuntimeException e) { // arguments graphql-java's coercion refuses: the resolvers say why
            return resolve(Fallback.REFUSED, execution, parameters);
        }
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return answerOrResolve(answer(execution), request, execution, parameters);
        }
        return context.executeBlocking(() -> answer(execution), false).toCompletionStage().toCompletableFuture()
                .thenCompose(data -> answerOrResolve(data, request, execution, parameters));
    }

    private CompletableFuture<ExecutionResult> answerOrResolve(Object answer, RoutingContext request,
            ExecutionContext execution,
            ExecutionStrategyParameters parameters) {
        if (answer instanceof String data) {
            compiled.increment();
            if (!request.response().headWritten()) {
                request.response().putHeader(HEADER, "sql");
            }
            return CompletableFuture.completedFuture(new ExecutionResultImpl(new RawJson(data), null));
        }
        if (answer instanceof ApiException refused) {
            compiled.increment();
            return CompletableFuture.completedFuture(failed(execution, refused));
        }
        if (answer == TOO_LARGE) {
            compiled.increment();
            return CompletableFuture.completedFuture(new ExecutionResultImpl(null,
                    List.of(budget.tooLarge(false))));
        }
        return resolve(answer instanceof Fallback why ? why : Fallback.FAILED, execution, parameters);
    }

    /**
     * The data as JSON text; an UNAVAILABLE error when the database is (the resolvers would only wait for it a second
     * time); or why the resolvers should answer instead. Runs on a worker thread.
     */
    private Object answer(ExecutionContext execution) {
        try {
            Sql statement = SqlSelection.compile(execution, model, planners,
                    Arc.container().instance(Actor.class).get());
            // One statement in autocommit: no transaction to begin and commit. Plain JDBC, as Hibernate's cache of
            // native query plans never matches a new query's key and would grow with every request.
            Connection pooled;
            try {
                pooled = Arc.container().instance(AgroalDataSource.class).get().getConnection();
            } catch (SQLException e) {
                return Failures.unavailable(e); // no connection within the pool's timeout: not a second wait
            }
            // PostgreSQL measures the answer and keeps one over the budget to itself (ResultBudget).
            String bounded = "SELECT CASE WHEN octet_length(whole.answer) <= ? THEN whole.answer END, whole.refused FROM"
                    + " (SELECT compiled.answer::text AS answer, compiled.refused FROM (" + statement.text()
                    + ") AS compiled(answer, refused)) AS whole";
            try (Connection connection = pooled; PreparedStatement query = connection.prepareStatement(bounded)) {
                query.setLong(1, budget.maxBytes());
                for (int i = 0; i < statement.values().size(); i++) {
                    query.setObject(i + 2, statement.values().get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getBoolean(2)) {
                        return Fallback.REFUSED; // what only the data shows (SqlSelection.refusals): the resolvers say why
                    }
                    String answer = row.getString(1);
                    return answer != null ? answer : TOO_LARGE;
                }
            }
        } catch (ApiException e) {
            return Fallback.REFUSED; // the resolvers run the same checks and report them
        } catch (SqlSelection.Unsupported e) {
            return Fallback.NOT_COMPILED; // known only once the page is planned (a filter not mapped here, say)
        } catch (RuntimeException | SQLException e) {
            ApiException translated = Failures.translate(e);
            Object code = translated.getExtensions().get("code");
            if (code.equals(ErrorCode.UNAVAILABLE.name())) {
                // The connection broke: Agroal cannot tell a PostgreSQL connection that failed from one that did not,
                // and would hand this one out again. Every pooled connection goes; new ones are opened once it is back.
                Arc.container().instance(AgroalDataSource.class).get().flush(AgroalDataSource.FlushMode.GRACEFUL);
                return translated; // the resolvers would wait for the same again
            }
            if (code.equals(ErrorCode.TIMEOUT.name())) {
                return translated;
            }
            return Fallback.FAILED; // translate logged it: a compiled statement that fails is a bug, the resolvers still answer
        }
    }

    /** Every root field failed as its resolver would have: null where the schema allows it, else no data at all. */
    private static ExecutionResult failed(ExecutionContext execution, ApiException failure) {
        List<GraphQLError> errors = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        boolean nullable = true;
        ExecutableNormalizedOperation operation = execution.getNormalizedQueryTree().get();
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            if (!field.getName().startsWith("__")) {
                errors.add(GraphqlErrorBuilder.newError().message(failure.getMessage())
                        .locations(List.of(operation.getMergedField(field).getSingleField().getSourceLocation()))
                        .path(List.of(field.getResultKey())).errorType(ErrorType.DataFetchingException)
                        .extensions(failure.getExtensions()).build());
                data.put(field.getResultKey(), null);
                nullable &= !GraphQLTypeUtil.isNonNull(
                        execution.getGraphQLSchema().getQueryType().getFieldDefinition(field.getName()).getType());
            }
        }
        return new ExecutionResultImpl(nullable ? data : null, errors);
    }

    /** The HTTP request being answered (for a query sent over a WebSocket, its upgrade request); null outside one. */
    private static boolean mayRead() {
        return Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity().hasRole(Roles.VIEWER);
    }
}
