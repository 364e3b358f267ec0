package org.attache.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.attache.api.ErrorCode;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.Scalars;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.values.InputInterceptor;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Scalars as clients send them, checked while graphql-java reads the request: a Date in one written form and within
 * the range Attaché holds, a Time to the minute, a String or ID without the NUL character (PostgreSQL text cannot
 * hold it), an Int that fits 32 bits. SmallRye's date and time scalars let any string through and fail later, in a message that
 * quotes the
 * whole input and names no field; NUL failed in the database. The checked value goes on unchanged in form, and
 * {@link InputErrors} turns a refusal into a {@code VALIDATION} error naming the field.
 */
public final class InputScalars {

    /** The dates a record may carry: wide enough for any visit on record, narrow enough to catch a mistyped year. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /**
     * Starts every refusal's message, so that {@link ErrorCodeInstrumentation} tells it from graphql-java's own type errors.
     */
    static final String REFUSAL = "Attaché: ";
    /** The extension that carries a refused variable value to {@link InputErrors}, which finds the field by it. */
    static final String REFUSED_VALUE = "refusedValue";

    /** The specifications of the formats (introspection's specifiedByURL; @specifiedBy in the published SDL). */
    private static final String LOCAL_DATE = "https://scalars.graphql.org/andimarek/local-date.html";
    private static final String DATE_TIME = "https://scalars.graphql.org/andimarek/date-time.html";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private InputScalars() {
    }

    /**
     * SmallRye's scalars of these names with their input checked, and the custom ones described with their format
     * (and the specification of it, where one exists) so that the published schema says what they hold; other scalars
     * unchanged.
     */
    static GraphQLScalarType strict(GraphQLScalarType scalar) {
        return switch (scalar.getName()) {
            case "Date" -> checking(scalar, textual(InputScalars::date)).transform(builder -> builder
                    .description("A calendar day, written YYYY-MM-DD (ISO 8601), from " + EARLIEST + " to " + LATEST + ".")
                    .specifiedByUrl(LOCAL_DATE).withAppliedDirective(specifiedBy(LOCAL_DATE)));
            case "Time" -> checking(scalar, textual(InputScalars::time)).transform(builder -> builder
                    .description("A local time of day to the minute, written HH:MM (HH:MM:00 accepted; ISO 8601), answered"
                            + " as HH:MM:00."));
            case "DateTime" -> scalar.transform(builder -> builder
                    .description("An instant with its UTC offset, written as RFC 3339 (ISO 8601) gives it, such as"
                            + " 2024-04-25T09:30:00Z.")
                    .specifiedByUrl(DATE_TIME).withAppliedDirective(specifiedBy(DATE_TIME)));
            // Not String: introspection's own arguments (__type(name:)) are graphql-java's String, and a variable declared
            // String! must be that very type to be used there. Strings are checked by NulCheck instead.
            case "ID" -> checking(scalar, textual(InputScalars::text));
            case "Int" -> checking(scalar, InputScalars::integer);
            default -> scalar;
        };
    }

    private static GraphQLAppliedDirective specifiedBy(String url) {
        return GraphQLAppliedDirective.newDirective().name("specifiedBy").argument(GraphQLAppliedDirectiveArgument
                .newArgument().name("url").type(Scalars.GraphQLString).valueProgrammatic(url).build()).build();
    }

    /** A date as written in inputs: YYYY-MM-DD, a real day, within {@link #EARLIEST} and {@link #LATEST}. */
    static String date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw refused("\"" + text + "\" is not a date: write a calendar day as YYYY-MM-DD, such as 2024-04-25.");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw refused(text + " is outside the dates Attaché records, " + EARLIEST + " to " + LATEST + ".");
        }
        return date.toString();
    }

    /** A local time as written in inputs: HH:MM (or HH:MM:00), kept to the minute as press releases give it. */
    static String time(String text) {
        LocalTime time;
        try {
            time = LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
        } catch (DateTimeParseException e) {
            throw refused("\"" + text + "\" is not a time of day: write HH:MM on a 24-hour clock, such as 09:30.");
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw refused("\"" + text + "\" has seconds: times are kept to the minute; write HH:MM, such as 09:30.");
        }
        return time.toString();
    }

    static String text(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw refused("text must not contain the NUL character (U+0000).");
        }
        return text;
    }

    /**
     * An Int as the specification defines it: a whole number in 32 bits. SmallRye's Int takes 3000000000 and lets 1.5
     * or 1e400 through to the resolver, where it failed as an INTERNAL error.
     */
    static Object integer(Object value) {
        // A wrong type, not a broken rule: GRAPHQL_VALIDATION_FAILED. SmallRye's Int also took the string "5".
        String refusal = " is not an Int: send a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ".";
        if (!(value instanceof Number number)) {
            throw new RefusedValue((value instanceof String ? "\"" + value + "\"" : String.valueOf(value)) + refusal, false);
        }
        try {
            return new BigDecimal(number.toString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new RefusedValue(number + refusal, false);
        }
    }

    /** A check of text values; values of other types go on to the original scalar, which names the wrong type. */
    private static UnaryOperator<Object> textual(UnaryOperator<String> check) {
        return value -> value instanceof String text ? check.apply(text) : value;
    }

    private static RefusedValue refused(String message) {
        return new RefusedValue(message, true);
    }

    /** Why a value was refused, before graphql-java wraps it into its own exception: a broken rule or a wrong type. */
    private static final class RefusedValue extends RuntimeException {
        private final String prefix;

        RefusedValue(String message, boolean rule) {
            super(message, null, false, false);
            this.prefix = rule ? REFUSAL : "";
        }

        String reason() {
            return prefix + getMessage();
        }
    }

    private static GraphQLScalarType checking(GraphQLScalarType scalar, UnaryOperator<Object> check) {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> original = (Coercing<Object, Object>) scalar.getCoercing();
        Coercing<Object, Object> coercing = new Coercing<>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                return original.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return original.parseValue(check.apply(input), context, locale);
                } catch (RefusedValue e) {
                    throw CoercingParseValueException.newCoercingParseValueException().message(e.reason())
                            .extensions(Map.of(REFUSED_VALUE, input)).build();
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                try {
                    if (input instanceof StringValue text) {
                        return original.parseLiteral(new StringValue((String) check.apply(text.getValue())), variables,
                                context, locale);
                    }
                    if (input instanceof IntValue number) {
                        return original.parseLiteral(new IntValue(BigInteger.valueOf(((Number) check.apply(number.getValue()))
                                .longValue())), variables, context, locale);
                    }
                    return original.parseLiteral(input, variables, context, locale);
                } catch (RefusedValue e) {
                    throw new CoercingParseLiteralException(e.reason());
                }
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return original.valueToLiteral(input, context, locale);
            }
        };
        return scalar.transform(builder -> builder.coercing(coercing));
    }

    /**
     * Refuses text with the NUL character in String values as {@link #strict} does in other scalars: in variables
     * through graphql-java's input interceptor (so {@link InputErrors} names the field from the refused value), in
     * the document's literals before the operation runs.
     */
    static final class NulCheck extends SimplePerformantInstrumentation {

        private static final InputInterceptor VARIABLES = (value, type, context, locale) -> {
            if (value instanceof String text && GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType scalar
                    && scalar.getName().equals("String")) {
                try {
                    text(text);
                } catch (RefusedValue e) {
                    throw CoercingParseValueException.newCoercingParseValueException().message(e.reason())
                            .extensions(Map.of(REFUSED_VALUE, text)).build();
                }
            }
            return value;
        };

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            input.getGraphQLContext().put(InputInterceptor.class, VARIABLES);
            return input;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            String query = execution.getExecutionInput().getQuery();
            if (query.indexOf('\u0000') < 0 && !query.contains("\\u")) {
                // A literal holds NUL only through a unicode escape (or raw, which HTTP refuses before): most
                // documents are not walked at all.
                return super.beginExecuteOperation(parameters, state);
            }
            @SuppressWarnings("rawtypes")
            List<Node> pending = new ArrayList<>(List.of(execution.getOperationDefinition()));
            pending.addAll(execution.getFragmentsByName().values());
            while (!pending.isEmpty()) {
                Node<?> node = pending.remove(pending.size() - 1);
                if (node instanceof Argument argument) {
                    String field = nul(argument.getValue(), argument.getName());
                    if (field != null) {
                        String named = field.startsWith("input.") ? field.substring("input.".length()) : field;
                        throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                                .message(named + ": text must not contain the NUL character (U+0000).")
                                .location(argument.getSourceLocation())
                                .extensions(Map.of("code", ErrorCode.VALIDATION.name(), "field", named)).build()));
                    }
                } else {
                    pending.addAll(node.getChildren());
                }
            }
            return super.beginExecuteOperation(parameters, state);
        }

        /** Where in this literal a text holds NUL ("filter.text", "sources[1].title"), or null. */
        private static String nul(Value<?> value, String path) {
            if (value instanceof StringValue text) {
                return text.getValue().indexOf('\u0000') >= 0 ? path : null;
            }
            if (value instanceof ObjectValue object) {
                for (ObjectField field : object.getObjectFields()) {
                    String found = nul(field.getValue(), path + "." + field.getName());
                    if (found != null) {
                        return found;
                    }
                }
            }
            if (value instanceof ArrayValue array) {
                for (int i = 0; i < array.getValues().size(); i++) {
                    String found = nul(array.getValues().get(i), path + "[" + i + "]");
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
