package org.compact.tracker.web.forms;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.compact.tracker.support.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The bean-validation checks of a request built from a form, which (unlike an API body marked {@code @Valid}) Micronaut
 * does not run itself: every constraint it breaks, named as the API names the field, so that a page refuses what the
 * API refuses, with the same messages, before anything is written.
 */
public final class BodyChecks {
    private BodyChecks() {
    }

    public static <T> List<FieldError> problems(Validator validator, T request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            errors.add(FieldError.of(FieldPaths.of(v), v.getMessage()));
        }
        return errors;
    }
}
