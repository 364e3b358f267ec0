package org.attache.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attache.api.ErrorCode;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.ListType;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Rewrites graphql-java's messages about argument and variable values into what a person can act on, naming the
 * field as {@code extensions.field} writes it everywhere else ({@code startDate}, {@code filter.from},
 * {@code sources[0].publishedOn}: an argument called {@code input} is left out). graphql-java quotes the value as its
 * syntax tree ({@code StringValue{value='ten'}}, a whole input object for one bad date) and, for variables, names only
 * the variable.
 */
final class InputErrors {

    /** graphql-java's literal check and SmallRye's argument check: "argument 'input.startDate' with value '...' ...". */
    private static final Pattern ARGUMENT = Pattern.compile(
            "(?s).*?argument '([^']+)' with value '(.*)' is not a valid '([^']+)'(?: - (.*))?");
    private static final Pattern VARIABLE = Pattern.compile("(?s)Variable '([^']+)' has an invalid value: (.*)");
    /** graphql-java's literal check of an input object written in the document without a required field. */
    private static final Pattern MISSING = Pattern.compile(
            "(?s).*?argument '([^']+)' with value '.*' is missing required fields '\\[([^\\]]*)]'");
    /** The same for a variable: the field's name only, not where it is missing; or the whole variable null. */
    private static final Pattern MISSING_IN_VARIABLE = Pattern
            .compile("(Field|Variable) '([^']+)' has coerced Null value for NonNull type '([^']+)'");
    /** A scalar as graphql-java prints it: StringValue{value='ten'}, IntValue{value=5}, EnumValue{name='X'}. */
    private static final Pattern SCALAR = Pattern
            .compile("(?s)(String|Int|Float|Boolean|Enum)Value\\{(?:value|name)='?(.*?)'?}");

    /** graphql-java's words for an enum value a variable holds that the enum lacks. */
    private static final Pattern ENUM_NAME = Pattern.compile("No value found for name '([^']*)'");
    /** graphql-java's words for a null where the type says non-null, such as an element of [String!]. */
    private static final String NULL_FOR_NON_NULL = "Coerced Null value for NonNull type";
    /** Stands for the null value a path is sought to: the first null in the variable's value. */
    private static final Object NULL = new Object();
    /** A quoted syntax tree at the end of a reason. */
    private static final Pattern QUOTED_TREE = Pattern.compile("(?s) - '[A-Za-z]*Value\\{.*$");

    private InputErrors() {
    }

    /** The error as a person should read it, or null when it is not about an argument's or variable's value. */
    static GraphQLError rewrite(GraphQLError error, String query, Map<String, Object> variables, GraphQLSchema schema) {
        String message = error.getMessage();
        Matcher missing = MISSING.matcher(message);
        if (missing.matches()) {
            String field = field(missing.group(1) + "." + missing.group(2).split(",\\s*")[0]);
            return build(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, field, required(field, missing.group(2)));
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.matches()) {
            String field = field(argument.group(1));
            String reason = argument.group(4);
            if (reason != null && reason.startsWith(InputScalars.REFUSAL)) {
                return refusal(error, field, reason.substring(InputScalars.REFUSAL.length()));
            }
            Matcher scalar = SCALAR.matcher(argument.group(2));
            String value = scalar.matches() ? " \"" + scalar.group(2) + "\"" : "";
            return build(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, field,
                    field + ": the value" + value + " is not a valid " + argument.group(3)
                            + (reason == null ? "." : ": " + readable(reason)));
        }
        Matcher variable = VARIABLE.matcher(message);
        if (variable.matches() && variable.group(2).startsWith(InputScalars.REFUSAL)) {
            Object refused = error.getExtensions() == null ? null : error.getExtensions().get(InputScalars.REFUSED_VALUE);
            String field = variableField(variable.group(1), refused, query, variables);
            return refusal(error, field, variable.group(2).substring(InputScalars.REFUSAL.length()));
        }
        Matcher missingInVariable = variable.matches() ? MISSING_IN_VARIABLE.matcher(variable.group(2)) : null;
        if (missingInVariable != null && missingInVariable.matches()) {
            List<String> usage = usage(variable.group(1), query);
            String missingField = missingInVariable.group(2);
            String field;
            if (missingInVariable.group(1).equals("Variable")) {
                field = usage == null ? "$" + missingField : field(join(usage));
            } else {
                GraphQLType declared = schema == null ? null : declared(variable.group(1), query, schema);
                List<String> inside = declared == null ? null
                        : lacking(declared, variables.get(variable.group(1)), missingField, new ArrayList<>());
                field = usage == null ? missingField
                        : field(join(inside == null ? append(usage, missingField) : concat(usage, inside)));
            }
            return build(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, field, required(field, missingField));
        }
        if (variable.matches()) {
            // A value of the wrong type (an unknown enum name, say): the field is where that value sits, when the
            // reason quotes it, else where the variable is used.
            Matcher named = ENUM_NAME.matcher(variable.group(2));
            Object wrong = named.find() ? named.group(1) : variable.group(2).contains(NULL_FOR_NON_NULL) ? NULL : null;
            String field = variableField(variable.group(1), wrong, query, variables);
            return build(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, field,
                    (field == null ? "" : field + ": ") + readable(variable.group(2)));
        }
        return null;
    }

    /** graphql-java's reason without the syntax tree it quotes (" - 'EnumValue{name='WEEK'}'"): the value is named already. */
    private static String readable(String reason) {
        String plain = QUOTED_TREE.matcher(reason).replaceFirst("");
        plain = SCALAR.matcher(plain).replaceAll(match -> Matcher.quoteReplacement("\"" + match.group(2) + "\""));
        return plain.contains("Value{") ? "the value does not fit the type." : plain;
    }

    private static GraphQLError refusal(GraphQLError error, String field, String reason) {
        return build(error, ErrorCode.VALIDATION, field, field == null ? reason : field + ": " + reason);
    }

    private static GraphQLError build(GraphQLError error, ErrorCode code, String field, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    /** "input.sources[0].publishedOn" as the client reads it: "sources[0].publishedOn". */
    private static String field(String argumentPath) {
        return argumentPath.startsWith("input.") ? argumentPath.substring("input.".length()) : argumentPath;
    }

    /**
     * The field of a refused value inside a variable: where the document uses the variable (an argument, or a field
     * of an input object written in the document) followed by where the value sits inside the variable.
     */
    private static String variableField(String name, Object refused, String query, Map<String, Object> variables) {
        List<String> inside = refused == null ? null : pathTo(variables.get(name), refused, new ArrayList<>());
        List<String> usage = usage(name, query);
        if (usage == null || inside == null) {
            return usage == null ? null : field(join(usage));
        }
        List<String> whole = new ArrayList<>(usage);
        whole.addAll(inside);
        return field(join(whole));
    }

    /** {@code missing}: graphql-java's list of the fields left out ("fullName, country"), the first one at {@code field}. */
    private static String required(String field, String missing) {
        List<String> fields = List.of(missing.split(",\\s*"));
        List<String> others = fields.subList(1, fields.size());
        return field + ": a value is required" + (others.isEmpty() ? ""
                : " (and for " + String.join(", ", others) + ")") + ".";
    }

    /**
     * The path to the first input object inside the variable's value whose type requires the key and which lacks it
     * (or holds null for it), the key included; null when none does.
     */
    private static List<String> lacking(GraphQLType type, Object value, String key, List<String> path) {
        GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLList list && value instanceof List<?> values) {
            for (int i = 0; i < values.size(); i++) {
                List<String> found = lacking(list.getWrappedType(), values.get(i), key, append(path, "[" + i + "]"));
                if (found != null) {
                    return found;
                }
            }
        } else if (inner instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> map) {
            GraphQLInputObjectField required = object.getField(key);
            if (required != null && GraphQLTypeUtil.isNonNull(required.getType()) && map.get(key) == null) {
                return append(path, key);
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                List<String> found = lacking(field.getType(), map.get(field.getName()), key, append(path, field.getName()));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A variable's declared type, from the document, in the schema's terms; null when the document does not say. */
    private static GraphQLType declared(String name, String query, GraphQLSchema schema) {
        try {
            for (OperationDefinition operation : Parser.parse(query).getDefinitionsOfType(OperationDefinition.class)) {
                for (VariableDefinition definition : operation.getVariableDefinitions()) {
                    if (definition.getName().equals(name)) {
                        return schemaType(definition.getType(), schema);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            return null;
        }
        return null;
    }

    private static GraphQLType schemaType(Type<?> type, GraphQLSchema schema) {
        if (type instanceof NonNullType nonNull) {
            GraphQLType inner = schemaType(nonNull.getType(), schema);
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (type instanceof ListType list) {
            GraphQLType inner = schemaType(list.getType(), schema);
            return inner == null ? null : GraphQLList.list(inner);
        }
        return schema.getType(((TypeName) type).getName());
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> both = new ArrayList<>(first);
        both.addAll(then);
        return both;
    }

    private static String join(List<String> path) {
        StringBuilder field = new StringBuilder();
        for (String step : path) {
            if (!step.startsWith("[") && !field.isEmpty()) {
                field.append('.');
            }
            field.append(step);
        }
        return field.toString();
    }

    private static List<String> pathTo(Object value, Object refused, List<String> path) {
        if (refused == NULL ? value == null : refused.equals(value)) {
            return path;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<String> found = pathTo(entry.getValue(), refused, append(path, String.valueOf(entry.getKey())));
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<String> found = pathTo(list.get(i), refused, append(path, "[" + i + "]"));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    /** The path of the first argument (or input field written in the document) that holds $name. */
    private static List<String> usage(String name, String query) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return null;
        }
        for (var definition : document.getDefinitions()) {
            List<String> found = usage(name, definition, new ArrayList<>());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> usage(String name, Node<?> node, List<String> path) {
        if (node instanceof VariableReference reference) {
            return reference.getName().equals(name) ? path : null;
        }
        if (node instanceof Field field) {
            for (var argument : field.getArguments()) {
                List<String> found = usage(name, argument.getValue(), append(List.of(), argument.getName()));
                if (found != null) {
                    return found;
                }
            }
        }
        List<Node> children = node.getChildren();
        for (int i = 0; i < children.size(); i++) {
            Node<?> child = children.get(i);
            if (child instanceof Argument) {
                continue; // arguments start a path of their own, above
            }
            List<String> step = child instanceof ObjectField objectField ? append(path, objectField.getName())
                    : node instanceof ArrayValue ? append(path, "[" + i + "]") : path;
            Node<?> next = child instanceof ObjectField objectField ? objectField.getValue() : child;
            List<String> found = usage(name, next, step);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
