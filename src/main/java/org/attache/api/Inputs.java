package org.attache.api;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** How free text from inputs is stored: trimmed, and blank (nothing visible) meaning absent. */
public final class Inputs {

    private Inputs() {
    }

    public static String trimToNull(String value) {
        return visible(value) ? value.strip() : null;
    }

    /**
     * Whether the text has a character a reader can see: not only white space, format characters (zero-width space
     * and joiners, direction marks, BOM) or control characters.
     */
    public static boolean visible(String value) {
        return value != null && value.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
    }

    /**
     * An optional input list: absent means empty, and a null element is a client error naming its index (the schema
     * says [X!] already, EngineCustomizer.nonNullElements: this is the backstop for callers inside the service).
     */
    public static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw ApiException.invalid(field + "[" + i + "]", field + "[" + i + "] must not be null.");
            }
        }
        return values;
    }

    /**
     * The input, checked as a service method's @Valid parameter is: for an input built inside the service (an update
     * over the record's current values), where no interceptor sees it. A required field the update set to null is
     * named as such.
     */
    public static <T> T valid(Validator validator, T input, Given given) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        for (ConstraintViolation<T> violation : violations) {
            String field = violation.getPropertyPath().toString();
            if (violation.getInvalidValue() == null && !field.contains(".") && given.has(field)) {
                throw ApiException.invalid(field,
                        field + " is required: it cannot be cleared (leave it out to keep its value).");
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
