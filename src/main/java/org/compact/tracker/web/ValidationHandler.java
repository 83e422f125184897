package org.compact.tracker.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.web.forms.FieldPaths;

import java.util.Comparator;
import java.util.List;

/**
 * Well-formed JSON that breaks a constraint (missing, blank, oversize) is 422, naming each field by its JSON path
 * ("targets.areas[2]"), not by the Java method that received it.
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
class ValidationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> FieldError.of(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(e -> e.field() == null ? "" : e.field()))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).reason()
                : errors.size() + " fields need attention.";
        return HttpResponse.<Problem>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new Problem(ProblemResponses.type(422), "Invalid input", 422, detail, request.getPath(), errors))
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
    }
}
