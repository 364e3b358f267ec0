package org.attache.sqlread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionContextBuilder;
import graphql.execution.ExecutionId;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The compiler without the application: the published schema (docs/schema.graphql, which SchemaTest keeps equal to
 * the served one) and an operation make the execution context SqlSelection reads, so that what it compiles, and what
 * it leaves to the resolvers, can be asked of it directly.
 */
final class SqlSelectionProbe {

    static final GraphQLSchema SCHEMA = schema();

    private SqlSelectionProbe() {
    }

    /** Whether the compiler takes the query (the shape alone: no page is planned, no database is needed). */
    static boolean compiles(String query) {
        try {
            SqlSelection.check(context(query));
            return true;
        } catch (SqlSelection.Unsupported e) {
            return false;
        }
    }

    /** Why the compiler leaves the query to the resolvers, or null when it compiles it. */
    static String refusal(String query) {
        try {
            SqlSelection.check(context(query));
            return null;
        } catch (SqlSelection.Unsupported e) {
            return e.getMessage();
        }
    }

    static ExecutionContext context(String query) {
        return context(query, Map.of());
    }

    /** As graphql-java makes it for the query, with these variables' values (already coerced). */
    static ExecutionContext context(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        return ExecutionContextBuilder.newExecutionContextBuilder()
                .executionId(ExecutionId.generate())
                .graphQLSchema(SCHEMA)
                .document(document)
                .operationDefinition(operation)
                .fragmentsByName(fragments)
                .coercedVariables(CoercedVariables.of(variables))
                .graphQLContext(GraphQLContext.newContext().build())
                .locale(Locale.ENGLISH)
                .build();
    }

    private static GraphQLSchema schema() {
        try {
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(Files.readString(Path.of("docs/schema.graphql"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
