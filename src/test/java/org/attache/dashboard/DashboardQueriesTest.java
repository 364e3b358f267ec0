package org.attache.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attache.engine.PersistedDocuments;
import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The dashboard's GraphQL documents against the published schema, without starting anything: a schema change that
 * breaks the page breaks the build. And every document is used by the page, every import names a document.
 */
class DashboardQueriesTest {

    private static final Path QUERIES = Path.of("src/main/resources/web/app/queries");
    private static final Path APP = Path.of("src/main/resources/web/app");
    private static final Pattern IMPORT = Pattern.compile("from '(?:\\.{1,2}/)*queries/([a-z-]+\\.graphql)'");

    @Test
    void everyDocumentIsValidAgainstDocsSchemaGraphql() throws IOException {
        GraphQLSchema schema = publishedSchema();
        List<Path> documents = files(QUERIES, ".graphql");
        assertFalse(documents.isEmpty());
        for (Path file : documents) {
            Document document = Parser.parse(Files.readString(file));
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertEquals(List.of(), errors.stream().map(ValidationError::getMessage).toList(), file.toString());
        }
    }

    @Test
    void thePageImportsEveryDocumentAndOnlyDocumentsThatExist() throws IOException {
        Set<String> imported = new TreeSet<>();
        for (Path script : files(APP, ".js")) {
            Matcher m = IMPORT.matcher(Files.readString(script));
            while (m.find()) {
                imported.add(m.group(1));
            }
        }
        Set<String> present = new TreeSet<>(files(QUERIES, ".graphql").stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(present, imported);
    }

    /**
     * The page's documents, registered as trusted documents (PersistedDocuments.DASHBOARD), are exactly the files the
     * page imports, by the SHA-256 of the text it sends; -Dattache-tests.write-documents=true writes the manifest anew.
     */
    @Test
    void theTrustedManifestHoldsEveryDocumentOfThePage() throws IOException {
        JsonArray operations = new JsonArray();
        for (Path file : files(QUERIES, ".graphql")) {
            String body = Files.readString(file);
            OperationDefinition operation = Parser.parse(body).getDefinitionsOfType(OperationDefinition.class).get(0);
            operations.add(new JsonObject().put("id", PersistedDocuments.hash(body)).put("name", operation.getName())
                    .put("type", operation.getOperation().name().toLowerCase(Locale.ROOT)).put("body", body));
        }
        String manifest = new JsonObject().put("format", "apollo-persisted-query-manifest").put("version", 1)
                .put("operations", operations).encodePrettily() + "\n";
        Path published = Path.of("src/main/resources", PersistedDocuments.DASHBOARD);
        if (Boolean.getBoolean("attache-tests.write-documents")) {
            Files.writeString(published, manifest);
        }
        assertEquals(manifest, Files.readString(published),
                "The page's documents changed: refresh the manifest with -Dattache-tests.write-documents=true");
    }

    @Test
    void aDocumentThatNoLongerFitsTheSchemaIsCaught() throws IOException {
        // The check above could pass vacuously if validation let anything through.
        List<ValidationError> errors = new Validator().validateDocument(publishedSchema(),
                Parser.parse("{ delegations { nodes { id titel } } }"), Locale.ENGLISH);
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("titel")), errors::toString);
    }

    private static GraphQLSchema publishedSchema() throws IOException {
        String sdl = Files.readString(Path.of("docs/schema.graphql"));
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
