package org.attache.sqlread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

/**
 * Which fields of the read schema the one-statement path answers, asked of the compiler itself (no application, no
 * database): from Query, every field of every type it reaches through compiled fields is either compiled, or listed
 * in {@link SqlSelection#RESOLVER_ONLY} with the reason it is not. A field added to the schema fails here until it is
 * one or the other, and a listed field the compiler has learnt to answer fails here until its entry goes.
 */
class SqlSelectionCoverageTest {

    /** A compiled way to a type: the query text around a selection on it ({@code %s} is the selection). */
    private record Way(String type, String template) {
    }

    @Test
    void everyReachableFieldIsCompiledOrListedWithAReason() {
        Map<String, String> compiled = new LinkedHashMap<>();
        Set<String> uncompiledUnlisted = new TreeSet<>();
        Set<String> listedButCompiled = new TreeSet<>();
        Set<String> seenTypes = new TreeSet<>();
        Deque<Way> ways = new ArrayDeque<>(List.of(new Way("Query", "{ %s }")));
        while (!ways.isEmpty()) {
            Way way = ways.poll();
            if (!seenTypes.add(way.type())) {
                continue;
            }
            for (GraphQLFieldDefinition field : fieldsOf(way.type())) {
                String name = way.type() + "." + field.getName();
                String selection = field.getName() + arguments(field) + subselection(field);
                boolean compiles = SqlSelectionProbe.compiles(way.template().formatted(selection));
                boolean listed = SqlSelection.RESOLVER_ONLY.containsKey(name);
                if (compiles && listed) {
                    listedButCompiled.add(name);
                }
                if (!compiles && !listed) {
                    uncompiledUnlisted.add(name + " (" + SqlSelectionProbe.refusal(way.template().formatted(selection)) + ")");
                }
                if (compiles) {
                    compiled.put(name, selection);
                    GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
                    if (type instanceof GraphQLObjectType object) {
                        ways.add(new Way(object.getName(),
                                way.template().formatted(field.getName() + arguments(field) + " { %s }")));
                    }
                }
            }
        }
        assertTrue(uncompiledUnlisted.isEmpty(), "Neither compiled nor listed in SqlSelection.RESOLVER_ONLY with a reason: "
                + uncompiledUnlisted);
        assertTrue(listedButCompiled.isEmpty(), "Compiled, yet listed as resolver-only: " + listedButCompiled);
        Set<String> stale = new TreeSet<>(SqlSelection.RESOLVER_ONLY.keySet());
        stale.removeIf(listed -> seenTypes.contains(listed.substring(0, listed.indexOf('.')))
                && fieldsOf(listed.substring(0, listed.indexOf('.'))).stream()
                        .anyMatch(f -> f.getName().equals(listed.substring(listed.indexOf('.') + 1))));
        assertTrue(stale.isEmpty(), "Listed as resolver-only, but no compiled way reaches them: " + stale);
        // The path's reason for being: the dashboard's page of visits is compiled, down to its people and countries.
        assertTrue(compiled.keySet().containsAll(List.of("Query.delegations", "DelegationConnection.edges", "Delegation.head",
                "Delegation.hostCountry", "Delegation.agenda", "AgendaItem.kind", "Person.country")),
                compiled.keySet().toString());
    }

    @Test
    void everyListedReasonSaysWhy() {
        SqlSelection.RESOLVER_ONLY.forEach((field, reason) -> {
            assertTrue(field.matches("[A-Z]\\w*\\.\\w+"), field);
            assertTrue(reason.length() >= 12 && !reason.isBlank(), field + ": '" + reason + "'");
        });
    }

    @Test
    void whatIsNotCompiledGoesToTheResolversWithTheFieldNamed() {
        assertEquals("root field pressReleaseImport",
                SqlSelectionProbe.refusal("{ pressReleaseImport(id: \"1\") { id } }"));
        assertNull(SqlSelectionProbe.refusal("{ history(entity: \"Topic\", id: \"x\") { at actor before } }"));
        assertNull(SqlSelectionProbe.refusal("{ persons(search: \"ali\") { edges { cursor node { id createdAt } } } }"));
        assertNull(SqlSelectionProbe.refusal("{ delegations { nodes { title head { fullName country { name } } } } }"));
        assertFalse(SqlSelectionProbe.compiles("mutation { deleteAgendaItem(id: \"1\") }"));
        // A root field the compiler does not answer sends the whole operation to the resolvers.
        assertFalse(
                SqlSelectionProbe.compiles("{ delegations { nodes { id } } pressReleaseImport(id: \"1\") { id } }"));
        assertNull(SqlSelectionProbe.refusal("{ cooperationStats(country: \"AZE\", from: \"2024-01-01\") { start"
                + " agendaItems { kind count } } countryPairs { one { name } visits } topicTrends { topic { slug } } }"));
    }

    private static List<GraphQLFieldDefinition> fieldsOf(String type) {
        GraphQLType named = SqlSelectionProbe.SCHEMA.getType(type);
        return named instanceof GraphQLObjectType object ? object.getFieldDefinitions() : List.of();
    }

    /** Values for the field's required arguments, the least that makes the operation valid. */
    private static String arguments(GraphQLFieldDefinition field) {
        List<String> given = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (argument.getType() instanceof GraphQLNonNull required && !argument.hasSetDefaultValue()) {
                given.add(argument.getName() + ": " + value(required.getWrappedType()));
            }
        }
        return given.isEmpty() ? "" : given.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String value(GraphQLType type) {
        GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (GraphQLTypeUtil.isList(inner)) {
            return "[" + value(((graphql.schema.GraphQLList) inner).getWrappedType()) + "]";
        }
        if (inner instanceof GraphQLEnumType enumeration) {
            return enumeration.getValues().get(0).getName();
        }
        if (inner instanceof GraphQLScalarType scalar) {
            return switch (scalar.getName()) {
                case "Int" -> "1";
                case "Float" -> "1.0";
                case "Boolean" -> "true";
                case "Date" -> "\"2024-04-25\"";
                default -> "\"1\"";
            };
        }
        if (inner instanceof graphql.schema.GraphQLInputObjectType input) {
            return input.getFieldDefinitions().stream()
                    .filter(f -> f.getType() instanceof GraphQLNonNull && !f.hasSetDefaultValue())
                    .map(f -> f.getName() + ": " + value(f.getType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        throw new IllegalArgumentException("no value for " + GraphQLTypeUtil.simplePrint((GraphQLInputType) inner));
    }

    /** What a field of a composite type needs selected below it: its typename, which any object answers. */
    private static String subselection(GraphQLFieldDefinition field) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType) {
            return " { __typename }";
        }
        return "";
    }
}
