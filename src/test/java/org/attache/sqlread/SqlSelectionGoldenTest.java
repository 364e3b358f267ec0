package org.attache.sqlread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.attache.persistence.Sql;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import graphql.parser.Parser;
import graphql.validation.Validator;

/**
 * The compiler's output for fixed documents, without the application: each {@code golden/NAME.graphql} compiles to
 * the statement in {@code NAME.sql} (the shape only: no page planned, so no service and no database), or is left to
 * the resolvers with the reason in {@code NAME.refusal}. A change to the compiler that changes a statement shows here
 * as a diff to review; refresh the files with -Dattache-tests.write-golden=true.
 */
class SqlSelectionGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/sqlread/golden");

    @TestFactory
    Stream<DynamicTest> everyDocumentCompilesToItsStatementOrItsRefusal() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            documents = files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
        }
        assertTrue(documents.size() >= 10, "golden documents: " + documents);
        return documents.stream().map(document -> DynamicTest.dynamicTest(document.getFileName().toString(), () -> {
            String query = Files.readString(document);
            assertEquals(List.of(), new Validator().validateDocument(SqlSelectionProbe.SCHEMA, Parser.parse(query),
                    Locale.ENGLISH), "the golden document is valid");
            String name = document.getFileName().toString().replace(".graphql", "");
            String refusal = SqlSelectionProbe.refusal(query);
            Path expected = GOLDEN.resolve(name + (refusal == null ? ".sql" : ".refusal"));
            String actual = refusal == null ? statement(query, Map.of()) : refusal + "\n";
            if (Boolean.getBoolean("attache-tests.write-golden")) {
                Files.writeString(expected, actual);
            }
            assertTrue(Files.exists(expected), expected + " is missing: write it with -Dattache-tests.write-golden=true");
            assertEquals(Files.readString(expected), actual, name);
        }));
    }

    @Test
    void skipAndIncludeReadTheirVariables() {
        String query = "query($skip: Boolean!, $with: Boolean!) { topics { slug label @skip(if: $skip)"
                + " ... on Topic @include(if: $with) { createdBy } } }";
        assertEquals(statement("{ topics { slug createdBy } }", Map.of()),
                statement(query, Map.of("skip", true, "with", true)));
        assertEquals(statement("{ topics { slug label } }", Map.of()),
                statement(query, Map.of("skip", false, "with", false)));
    }

    /** The statement, one line of SQL and one of its parameters' values. */
    private static String statement(String query, Map<String, Object> variables) {
        Sql statement = SqlSelection.compile(SqlSelectionProbe.context(query, variables), SqlSelectionProbe.MODEL, null,
                null);
        return statement.text() + "\n-- " + statement.values() + "\n";
    }
}
