package org.compact.tracker.support;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.LocalDate} or {@link java.time.Instant} in years 1900–2100 (see {@link Dates}); null passes.
 * Broken, it is a 422 naming the field, like every other constraint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface CalendarDate {
    String message() default Dates.OUT_OF_RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
