package org.attache.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Text of at most {@link #max} characters as people count them (and as PostgreSQL's varchar does): code points, so
 * that an emoji or a letter outside the Basic Multilingual Plane counts once, not as the two UTF-16 units of @Size.
 */
@Documented
@Constraint(validatedBy = Chars.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Chars {

    int max();

    String message() default "must be at most {max} characters long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    // Hibernate Validator creates it by reflection, which a native image allows only for registered classes.
    @RegisterForReflection
    class Validator implements ConstraintValidator<Chars, String> {

        private int max;

        @Override
        public void initialize(Chars constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePointCount(0, value.length()) <= max;
        }
    }
}
