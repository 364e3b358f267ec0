package org.attache.graphql;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * Scalars as clients send them, checked while graphql-java reads the request: a Date in one written form and within
 * the range Attaché holds, a Time to the minute, a String or ID without the NUL character (PostgreSQL text cannot
 * hold it). SmallRye's date and time scalars let any string through and fail later, in a message that quotes the
 * whole input and names no field; NUL failed in the database. The checked value goes on unchanged in form, and
 * {@link InputErrors} turns a refusal into a {@code VALIDATION} error naming the field.
 */
public final class InputScalars {

    /** The dates a record may carry: wide enough for any visit on record, narrow enough to catch a mistyped year. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** Starts every refusal's message, so that {@link ErrorCodes} tells it from graphql-java's own type errors. */
    static final String REFUSAL = "Attaché: ";
    /** The extension that carries a refused variable value to {@link InputErrors}, which finds the field by it. */
    static final String REFUSED_VALUE = "refusedValue";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private InputScalars() {
    }

    /** SmallRye's scalars of these names with their input checked; other scalars unchanged. */
    static GraphQLScalarType strict(GraphQLScalarType scalar) {
        return switch (scalar.getName()) {
            case "Date" -> checking(scalar, InputScalars::date);
            case "Time" -> checking(scalar, InputScalars::time);
            case "String", "ID" -> checking(scalar, InputScalars::text);
            default -> scalar;
        };
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

    private static RefusedValue refused(String message) {
        return new RefusedValue(message);
    }

    /** Why a value was refused, before graphql-java wraps it into its own exception. */
    private static final class RefusedValue extends RuntimeException {
        RefusedValue(String message) {
            super(message, null, false, false);
        }
    }

    private static GraphQLScalarType checking(GraphQLScalarType scalar, UnaryOperator<String> check) {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> original = (Coercing<Object, Object>) scalar.getCoercing();
        Coercing<Object, Object> coercing = new Coercing<>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                return original.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                if (!(input instanceof String text)) {
                    return original.parseValue(input, context, locale); // its own message for a wrong type
                }
                try {
                    return original.parseValue(check.apply(text), context, locale);
                } catch (RefusedValue e) {
                    throw CoercingParseValueException.newCoercingParseValueException().message(REFUSAL + e.getMessage())
                            .extensions(Map.of(REFUSED_VALUE, text)).build();
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue text)) {
                    return original.parseLiteral(input, variables, context, locale);
                }
                try {
                    return original.parseLiteral(new StringValue(check.apply(text.getValue())), variables, context, locale);
                } catch (RefusedValue e) {
                    throw new CoercingParseLiteralException(REFUSAL + e.getMessage());
                }
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return original.valueToLiteral(input, context, locale);
            }
        };
        return scalar.transform(builder -> builder.coercing(coercing));
    }
}
