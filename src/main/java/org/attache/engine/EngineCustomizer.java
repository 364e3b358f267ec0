package org.attache.engine;

import java.util.ArrayList;
import java.util.List;

import org.attache.config.Settings;
import org.eclipse.microprofile.config.ConfigProvider;

import graphql.GraphQL;
import graphql.execution.ExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SchemaTransformer;
import graphql.schema.TypeResolver;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adjusts SmallRye's GraphQL engine while it is built. Registered through SmallRye's ServiceLoader SPI
 * (META-INF/services) rather than as CDI observers: those need quarkus.smallrye-graphql.events.enabled, which also
 * fires a CDI event around every field fetch of every request, and resolving their observers took a quarter of the
 * CPU of the benchmark's Q3.
 */
public class EngineCustomizer implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    /**
     * Checks dates and times as they are read ({@link InputScalars}), and serves plain properties (a visit's title, an agenda
     * item's time...) with graphql-java's own property fetcher.
     * SmallRye's fetcher for them rebuilds its request context for every single value, selected-field lists
     * included: up to a fifth of the CPU samples of the benchmark's Q1 (docs/benchmarks.md). Our output types use no
     * SmallRye formatting or adapter annotations, which are the only extra work its fetcher does, so the values are
     * the same (every API test checks them).
     */
    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder smallRyes) {
        GraphQLSchema exact = SchemaTransformer.transformSchema(smallRyes.build(), new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                    TraverserContext<GraphQLSchemaElement> context) {
                GraphQLScalarType strict = InputScalars.strict(scalar);
                return strict == scalar ? TraversalControl.CONTINUE : TreeTransformerUtil.changeNode(context, strict);
            }

            @Override
            public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField field,
                    TraverserContext<GraphQLSchemaElement> context) {
                GraphQLInputType exact = nonNullElements(field.getType());
                return exact == field.getType() ? TraversalControl.CONTINUE
                        : TreeTransformerUtil.changeNode(context, field.transform(builder -> builder.type(exact)));
            }

            @Override
            public TraversalControl visitGraphQLArgument(GraphQLArgument argument,
                    TraverserContext<GraphQLSchemaElement> context) {
                GraphQLInputType exact = nonNullElements(argument.getType());
                return exact == argument.getType() ? TraversalControl.CONTINUE
                        : TreeTransformerUtil.changeNode(context, argument.transform(builder -> builder.type(exact)));
            }

        });
        GraphQLSchema relay = withNodeIdsList(exact);
        GraphQLSchema schema = settings().federation().enabled()
                ? Subgraph.add(relay)
                : relay;
        GraphQLSchema.Builder builder = GraphQLSchema.newSchema(schema);
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        int[] replaced = { 0 };
        builder.codeRegistry(registry.transform(faster -> {
            for (var type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLInterfaceType node) {
                    // SmallRye's type resolver answers the object types it built, which the transformation above
                    // replaced: the same names, other instances, so no inline fragment on them would ever match.
                    TypeResolver built = registry.getTypeResolver(node);
                    faster.typeResolver(node.getName(), env -> env.getSchema().getObjectType(built.getType(env).getName()));
                }
                if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                        DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
                        if (fetcher instanceof FieldDataFetcher) {
                            faster.dataFetcher(coordinates, PropertyDataFetcher.fetching(field.getName()));
                            replaced[0]++;
                        }
                    }
                }
            }
        }));
        Log.debugf("%d plain properties served by the graphql-java fetcher", replaced[0]);
        return builder;
    }

    /**
     * nodes(ids:) takes [ID!]!, as Relay's Global Object Identification spec writes it. SmallRye 2.17 cannot build a
     * list argument of @Id (Unknown Scalar Type), so NodeApi declares a list of strings and the type is set here:
     * graphql-java reads an ID as the same string, so the resolver gets the same values.
     */
    private static GraphQLSchema withNodeIdsList(GraphQLSchema schema) {
        GraphQLObjectType query = schema.getQueryType();
        GraphQLFieldDefinition nodes = query.getFieldDefinition("nodes");
        if (nodes == null) {
            return schema;
        }
        // The schema's own ID scalar: SmallRye's instance, which another of the same name may not join.
        GraphQLScalarType id = (GraphQLScalarType) schema.getType("ID");
        GraphQLFieldDefinition exact = nodes.transform(field -> field.argument(nodes.getArgument("ids")
                .transform(argument -> argument.type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(id)))))));
        return GraphQLSchema.newSchema(schema).query(query.transform(type -> type.field(exact))).build();
    }

    /**
     * An input list's elements are never null (Inputs.list refuses a null element), and the schema says so: [X!]
     * for [X], the list itself as optional as before. SmallRye would make the list non-null too for List<@NonNull X>.
     */
    static GraphQLInputType nonNullElements(GraphQLInputType type) {
        boolean required = type instanceof GraphQLNonNull;
        GraphQLType inner = required ? ((GraphQLNonNull) type).getWrappedType() : type;
        if (!(inner instanceof GraphQLList list) || list.getWrappedType() instanceof GraphQLNonNull) {
            return type;
        }
        GraphQLList exact = GraphQLList.list(GraphQLNonNull.nonNull(list.getWrappedType()));
        return required ? GraphQLNonNull.nonNull(exact) : exact;
    }

    /**
     * Installs request limits, then operation metrics (so that an operation the limits refuse is never seen as
     * executed), before SmallRye's own instrumentation (its parsed-document cache), and the answer's budget and error codes
     * after it (the budget's refusal gets the same treatment as any request error). SmallRye has no setting for extra
     * instrumentation, and the builder does not show what it holds; the engine
     * it builds does, so a throwaway build reveals SmallRye's chain, which is kept flat: graphql-java calls every
     * member for every field, and each level of nesting costs per field. Also sets graphql-java's token limit for
     * operations, which SmallRye's parser-max-tokens does not reach (it sets the limit for schema documents only), and
     * its introspection switch, checked once per operation (SmallRye's field-visibility alternative filters every
     * field lookup of every request). Queries go through the ExecutionStrategy bean (sqlread/SqlReads), which answers
     * what it can compile with one SQL statement.
     */
    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Settings.Graphql graphql = settings().graphql();
        int maxTokens = graphql.maxTokens();
        ParserOptions.setDefaultOperationParserOptions(
                ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxTokens(maxTokens)));
        Introspection.enabledJvmWide(graphql.introspection());

        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new InputScalars.NulCheck());
        chain.add(new RequestLimits(graphql.maxDepth(), graphql.maxCost(), graphql.maxAliases()));
        chain.add(new OperationMetrics(Arc.container().instance(MeterRegistry.class).get(),
                settings().metrics().maxOperationNames()));
        Instrumentation smallRye = builder.build().getInstrumentation();
        if (smallRye instanceof ChainedInstrumentation chained) {
            chain.addAll(chained.getInstrumentations());
        } else {
            chain.add(smallRye);
        }
        ResultBudget budget = Arc.container().instance(ResultBudget.class).get();
        chain.add(budget);
        chain.add(new ErrorCodeInstrumentation());
        builder.instrumentation(new ChainedInstrumentation(chain));
        var queries = Arc.container().instance(ExecutionStrategy.class);
        return queries.isAvailable() ? builder.queryExecutionStrategy(queries.get()) : builder;
    }

    /** This class is loaded by SmallRye's ServiceLoader, not by CDI: it asks SmallRye Config for the mapping. */
    private static Settings settings() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(Settings.class);
    }
}
