package org.attache.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.PropertyDataFetcher;
import io.quarkus.logging.Log;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;

/**
 * Serves plain properties (a visit's title, an agenda item's time...) with graphql-java's own property fetcher.
 * SmallRye's fetcher for them rebuilds its request context for every single value, selected-field lists included:
 * up to a fifth of the CPU samples of the benchmark's Q1 (docs/benchmarks.md). Our output types use no SmallRye
 * formatting or adapter annotations, which are the only extra work its fetcher does, so the values are the same
 * (every API test checks them). Needs quarkus.smallrye-graphql.events.enabled, which delivers the builder event.
 */
@ApplicationScoped
public class PropertyFetchers {

    void useGraphQLJavaForProperties(@Observes GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        int[] replaced = {0};
        builder.codeRegistry(registry.transform(faster -> {
            for (var type : schema.getAllTypesAsList()) {
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
    }
}
