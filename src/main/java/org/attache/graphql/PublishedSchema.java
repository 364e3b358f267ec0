package org.attache.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;

/**
 * The schema as /graphql/schema.graphql publishes it (and docs/schema.graphql keeps it): a complete SDL on its own,
 * for linters and code generators. Every type, scalars with their formats and @specifiedBy, and no directive
 * definitions: those are the specification's own, and SmallRye's, which no client sends.
 */
@ApplicationScoped
public class PublishedSchema {

    /** SmallRye's scalars for Java types no field uses: only its @constraint directive's arguments have them. */
    private static final Set<String> UNUSED_SCALARS = Set.of("BigDecimal", "BigInteger");

    @Inject
    GraphQLSchema schema;

    private volatile String sdl;

    public String sdl() {
        if (sdl == null) {
            sdl = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                    .includeScalarTypes(true)
                    .includeSchemaDefinition(false)
                    .includeDirectiveDefinitions(false)
                    .includeDirectives(name -> name.equals("specifiedBy"))
                    .includeSchemaElement(element -> !(element instanceof GraphQLScalarType scalar
                            && UNUSED_SCALARS.contains(scalar.getName()))))
                    .print(schema);
        }
        return sdl;
    }
}
