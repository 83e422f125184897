package org.compact.tracker.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

/** The check behind {@link SingleLine}. */
@Factory
class SingleLineValidator {
    @Singleton
    ConstraintValidator<SingleLine, CharSequence> singleLine() {
        return (value, annotationMetadata, context) -> value == null || Text.problem(value.toString(), true) == null;
    }
}
