package org.attache.sqlread;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A root field's coerced argument values as its resolver receives them. A value of another type than the resolver's
 * (SmallRye's scalars accept some that its argument conversion then refuses) leaves the operation to the resolvers.
 */
final class Arguments {

    private Arguments() {
    }

    /** Throws unless every argument given is one the caller maps (one added to the schema later is not). */
    static void mapped(Map<String, Object> arguments, Set<String> names) {
        if (!names.containsAll(arguments.keySet())) {
            throw new SqlSelection.Unsupported("an argument not mapped here");
        }
    }

    /** SmallRye's Int arrives as a BigDecimal; a fraction or a value past int is the resolver's to refuse. */
    static Integer firstOf(Map<String, Object> arguments) {
        Object first = arguments.get("first");
        if (first != null && !(first instanceof Number)) {
            throw new SqlSelection.Unsupported("first that is not a number");
        }
        return first == null ? null : new BigDecimal(first.toString()).intValueExact();
    }

    static String text(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new SqlSelection.Unsupported("a string argument that is not a string");
        }
        return (String) value;
    }

    static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate date ? date : LocalDate.parse(text(value));
    }

    static <E extends Enum<E>> E constant(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, value instanceof Enum<?> e ? e.name() : text(value));
    }
}
