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
 * Required text with something to read in it: @NotBlank lets through a name made only of zero-width spaces, joiners
 * or control characters, which no list or search could show. See {@link Inputs#visible}.
 */
@Documented
@Constraint(validatedBy = Visible.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Visible {

    String message() default "must contain a visible character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    // Hibernate Validator creates it by reflection, which a native image allows only for registered classes.
    @RegisterForReflection
    class Validator implements ConstraintValidator<Visible, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Inputs.visible(value);
        }
    }
}
