package org.attache.engine;

import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.attache.api.ApiException;
import org.attache.api.Failures;
import org.attache.api.Node;
import org.attache.api.NodeIds;
import org.attache.api.NodeLookup;

import graphql.GraphqlErrorBuilder;
import graphql.Scalars;
import graphql.execution.DataFetcherResult;
import graphql.introspection.Introspection.DirectiveLocation;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import io.quarkus.arc.Arc;

/**
 * Attaché as an Apollo Federation v2 subgraph, when attache.federation.enabled is on: every record type that
 * implements Node is an entity keyed by its id ({@code @key(fields: "id")}), and the root gains {@code _entities},
 * which reads a gateway's representations through {@link NodeLookup} (one statement per type, each record as its own
 * query shows it to the caller), and {@code _service}, whose SDL is the published one with {@code @link} and
 * {@code @key} ({@link PublishedSchema#subgraphSdl()}). Built on graphql-java here rather than by SmallRye, whose
 * federation switch is fixed when the application is built; this one is the operator's.
 */
final class Subgraph {

    /** The Federation version the SDL links: 2.3, the oldest that gateways and routers of the v2 line all compose. */
    static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])";
    static final String KEY = "key";
    /** How many representations one _entities call may carry: a gateway's batch for a few pages of results. */
    static final int MAX_REPRESENTATIONS = 500;

    private Subgraph() {
    }

    /** The federation plumbing's names: hidden from the published SDL, which documents Attaché's own API. */
    static boolean isPlumbing(GraphQLSchemaElement element) {
        return element instanceof GraphQLNamedSchemaElement named && named.getName().startsWith("_")
                && !named.getName().startsWith("__");
    }

    static GraphQLSchema add(GraphQLSchema schema) {
        Set<String> entities = new TreeSet<>();
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object
                    && object.getInterfaces().stream().anyMatch(i -> i.getName().equals("Node"))
                    && object.getFieldDefinition("id") != null) {
                entities.add(object.getName());
            }
        }
        GraphQLDirective keyDefinition = GraphQLDirective.newDirective().name(KEY).repeatable(true)
                .description("Federation: the fields that identify an entity across subgraphs.")
                .validLocations(DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE)
                .argument(newArgument().name("fields").type(nonNull(Scalars.GraphQLString)))
                .build();
        GraphQLAppliedDirective key = GraphQLAppliedDirective.newDirective().name(KEY)
                .argument(GraphQLAppliedDirectiveArgument.newArgument().name("fields").type(nonNull(Scalars.GraphQLString))
                        .valueProgrammatic("id"))
                .build();
        GraphQLSchema keyed = SchemaTransformer.transformSchema(
                schema.transform(builder -> builder.additionalDirective(keyDefinition)),
                new GraphQLTypeVisitorStub() {
                    @Override
                    public TraversalControl visitGraphQLObjectType(GraphQLObjectType object,
                            TraverserContext<GraphQLSchemaElement> context) {
                        return entities.contains(object.getName())
                                ? TreeTransformerUtil.changeNode(context,
                                        object.transform(builder -> builder.withAppliedDirective(key)))
                                : TraversalControl.CONTINUE;
                    }
                });

        GraphQLScalarType any = ExtendedScalars.Json.transform(builder -> builder.name("_Any")
                .description("Federation: an entity's representation, {__typename, id}."));
        GraphQLUnionType entity = GraphQLUnionType.newUnionType().name("_Entity")
                .description("Federation: the types a gateway can ask _entities for.")
                .possibleTypes(entities.stream().map(GraphQLTypeReference::typeRef).toArray(GraphQLTypeReference[]::new))
                .build();
        GraphQLObjectType service = GraphQLObjectType.newObject().name("_Service")
                .description("Federation: this subgraph's schema.")
                .field(newFieldDefinition().name("sdl").type(nonNull(Scalars.GraphQLString))
                        .description("The subgraph's SDL, with @link and @key."))
                .build();
        GraphQLObjectType query = keyed.getQueryType().transform(builder -> builder
                .field(newFieldDefinition().name("_entities").type(nonNull(list(entity)))
                        .description("Federation: the entities these representations name, in their order, null for one"
                                + " that names nothing the caller may see; at most " + MAX_REPRESENTATIONS + ".")
                        .argument(newArgument().name("representations").type(nonNull(list(nonNull(any))))))
                .field(newFieldDefinition().name("_service").type(nonNull(service))
                        .description("Federation: this subgraph's schema.")));

        DataFetcher<?> sdl = env -> Map.of("sdl", Arc.container().instance(PublishedSchema.class).get().subgraphSdl());
        return GraphQLSchema.newSchema(keyed).query(query).additionalType(any).additionalType(entity).additionalType(service)
                .codeRegistry(keyed.getCodeRegistry().transform(registry -> registry
                        .dataFetcher(FieldCoordinates.coordinates(query.getName(), "_entities"),
                                (DataFetcher<?>) env -> entities(env, entities))
                        .dataFetcher(FieldCoordinates.coordinates(query.getName(), "_service"), sdl)
                        .typeResolver(entity.getName(), env -> env.getSchema().getObjectType(
                                NodeIds.decode(((Node) env.getObject()).getNodeId()).type()))))
                .build();
    }

    private static DataFetcherResult<List<Node>> entities(DataFetchingEnvironment env, Set<String> entities) {
        List<?> representations = env.getArgument("representations");
        try {
            if (representations.size() > MAX_REPRESENTATIONS) {
                throw ApiException.invalid("representations", "_entities takes at most " + MAX_REPRESENTATIONS
                        + " representations at once.");
            }
            List<String> nodeIds = new ArrayList<>(representations.size());
            for (Object representation : representations) {
                if (!(representation instanceof Map<?, ?> fields && fields.get("__typename") instanceof String type
                        && entities.contains(type)
                        && (fields.get("id") instanceof String || fields.get("id") instanceof Number))) {
                    throw ApiException.invalid("representations", "Each representation is {__typename, id} of an entity type ("
                            + String.join(", ", entities) + ").");
                }
                nodeIds.add(NodeIds.encode(type, fields.get("id").toString()));
            }
            List<Node> found = Arc.container().instance(NodeLookup.class).get().find(nodeIds, MAX_REPRESENTATIONS);
            return DataFetcherResult.<List<Node>> newResult().data(found).build();
        } catch (RuntimeException e) {
            ApiException refusal = Failures.translate(e);
            return DataFetcherResult.<List<Node>> newResult()
                    .error(GraphqlErrorBuilder.newError(env).message(refusal.getMessage()).extensions(refusal.getExtensions())
                            .build())
                    .build();
        }
    }
}
