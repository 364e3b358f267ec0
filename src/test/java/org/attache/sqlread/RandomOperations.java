package org.attache.sqlread;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Valid query operations over the fields the one-statement path compiles, drawn at random from the published schema:
 * fields in any order and number, aliases, repeated fields, inline fragments, named fragments, @skip and @include,
 * __typename, down to a few levels. Which fields are compiled is asked of the compiler (SqlSelectionProbe), so the
 * operations grow with it.
 */
final class RandomOperations {

    private static final int DEPTH = 4;

    private final Random random;
    private final List<String> roots;
    private final List<String> fragments = new ArrayList<>();
    private int aliases;

    /** {@code roots}: root fields with their arguments, such as {@code delegation(id: "42")}. */
    RandomOperations(long seed, List<String> roots) {
        this.random = new Random(seed);
        this.roots = roots;
    }

    String next() {
        fragments.clear();
        StringBuilder query = new StringBuilder("query {");
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            String root = roots.get(random.nextInt(roots.size()));
            String name = root.contains("(") ? root.substring(0, root.indexOf('(')) : root;
            GraphQLFieldDefinition field = SqlSelectionProbe.SCHEMA.getQueryType().getFieldDefinition(name);
            // Two roots of the same name need their own response keys: their arguments differ.
            query.append(' ').append(count > 1 ? "r" + i + ": " : alias()).append(root)
                    .append(selection(object(field.getType()), 1));
        }
        query.append(" }");
        fragments.forEach(fragment -> query.append(' ').append(fragment));
        return query.toString();
    }

    /** A selection set on the type: a few of its compiled fields, each perhaps aliased, skipped or in a fragment. */
    private String selection(GraphQLObjectType type, int depth) {
        List<GraphQLFieldDefinition> compiled = new ArrayList<>();
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            boolean requiredArguments = field.getArguments().stream().anyMatch(a -> a.getType() instanceof GraphQLNonNull);
            boolean leaf = object(field.getType()) == null;
            if (!requiredArguments && !SqlSelection.RESOLVER_ONLY.containsKey(type.getName() + "." + field.getName())
                    && (leaf || depth < DEPTH)) {
                compiled.add(field);
            }
        }
        StringBuilder set = new StringBuilder(" {");
        int count = 1 + random.nextInt(Math.min(6, compiled.size()));
        for (int i = 0; i < count; i++) {
            GraphQLFieldDefinition field = compiled.get(random.nextInt(compiled.size()));
            GraphQLObjectType child = object(field.getType());
            String selected = field.getName() + (child == null ? "" : selection(child, depth + 1));
            set.append(' ').append(dressed(type, selected));
        }
        if (random.nextInt(4) == 0) {
            set.append(" __typename");
        }
        return set.append(" }").toString();
    }

    /** The field as it is, aliased, behind a directive, or inside an inline or a named fragment. */
    private String dressed(GraphQLObjectType type, String selected) {
        return switch (random.nextInt(8)) {
            case 0 -> alias() + selected;
            case 1 ->
                selected.replaceFirst("^(\\w+)", "$1" + (random.nextBoolean() ? " @include(if: true)" : " @skip(if: false)"));
            case 2 -> selected.replaceFirst("^(\\w+)", "$1 @skip(if: true)") + " " + selected;
            case 3 -> "... on " + type.getName() + " { " + selected + " }";
            case 4 -> {
                String name = "F" + fragments.size();
                fragments.add("fragment " + name + " on " + type.getName() + " { " + selected + " }");
                yield "..." + name;
            }
            default -> selected;
        };
    }

    private String alias() {
        return random.nextInt(3) == 0 ? "a" + (aliases++) + ": " : "";
    }

    private static GraphQLObjectType object(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object ? object : null;
    }
}
