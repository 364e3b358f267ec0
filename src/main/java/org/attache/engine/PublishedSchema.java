package org.attache.engine;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;

/**
 * The schema as /graphql/schema.graphql publishes it (and docs/schema.graphql keeps it): a complete SDL on its own,
 * for linters and code generators. Every type, scalars with their formats and @specifiedBy, and no directive
 * definitions: those are the specification's own, and SmallRye's, which no client sends. Federation's plumbing
 * (_entities, _service and their types, when it is switched on) is left out: gateways read it, clients do not.
 */
@ApplicationScoped
public class PublishedSchema {

    /** SmallRye's scalars for Java types no field uses: only its @constraint directive's arguments have them. */
    private static final Set<String> UNUSED_SCALARS = Set.of("BigDecimal", "BigInteger");

    @Inject
    GraphQLSchema schema;

    private volatile String sdl;
    private volatile String subgraphSdl;

    public String sdl() {
        if (sdl == null) {
            sdl = print(Set.of("specifiedBy"));
        }
        return sdl;
    }

    /** The SDL a federation gateway composes (see {@link Subgraph}): the published one, linked, with its entities' keys. */
    String subgraphSdl() {
        if (subgraphSdl == null) {
            subgraphSdl = Subgraph.LINK + "\n\n" + print(Set.of("specifiedBy", Subgraph.KEY));
        }
        return subgraphSdl;
    }

    private String print(Set<String> directives) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(false)
                .includeDirectiveDefinitions(false)
                .includeDirectives(directives::contains)
                .includeSchemaElement(element -> !Subgraph.isPlumbing(element) && !(element instanceof GraphQLScalarType scalar
                        && UNUSED_SCALARS.contains(scalar.getName()))))
                .print(schema);
    }
}
