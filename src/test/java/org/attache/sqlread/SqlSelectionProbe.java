package org.attache.sqlread;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

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
 * the served one) and an operation make the execution context SqlSelection reads, and Hibernate's mapping of the
 * entities (bootstrapped on its own, without a database) the model it reads them with, so that what it compiles, and
 * what it leaves to the resolvers, can be asked of it directly.
 */
final class SqlSelectionProbe {

    static final GraphQLSchema SCHEMA = schema();
    static final ReadModel MODEL = model();

    private SqlSelectionProbe() {
    }

    /** Whether the compiler takes the query (the shape alone: no page is planned, no database is needed). */
    static boolean compiles(String query) {
        try {
            SqlSelection.check(context(query), MODEL);
            return true;
        } catch (SqlSelection.Unsupported e) {
            return false;
        }
    }

    /** Why the compiler leaves the query to the resolvers, or null when it compiles it. */
    static String refusal(String query) {
        try {
            SqlSelection.check(context(query), MODEL);
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

    /**
     * As the application's SessionFactory maps the entities: every class of the build annotated with @Entity, tables
     * named by the strategy its configuration names.
     */
    private static ReadModel model() {
        Properties configuration = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            configuration.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(JdbcSettings.DIALECT, PostgreSQLDialect.class.getName())
                .applySetting(JdbcSettings.ALLOW_METADATA_ON_BOOT, false)
                .applySetting(MappingSettings.PHYSICAL_NAMING_STRATEGY,
                        configuration.getProperty("quarkus.hibernate-orm.physical-naming-strategy"))
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entities().forEach(sources::addAnnotatedClass);
        try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
            return ReadModel.of(factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static List<Class<?>> entities() {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> entities = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, SqlSelectionProbe.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class)) {
                    entities.add(type);
                }
            }
            return entities;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
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
