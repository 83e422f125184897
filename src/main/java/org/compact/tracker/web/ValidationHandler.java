package org.compact.tracker.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.compact.tracker.support.FieldError;

import java.util.ArrayList;
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
                .map(v -> FieldError.of(field(v), v.getMessage()))
                .sorted(Comparator.comparing(e -> e.field() == null ? "" : e.field()))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).reason()
                : errors.size() + " fields need attention.";
        return HttpResponse.<Problem>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new Problem(ProblemResponses.type(422), "Invalid input", 422, detail, request.getPath(), errors))
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
    }

    /** Drops the method and parameter nodes (create.request) and keeps the path inside the body. */
    @Nullable
    static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && isPlainParameter(violation)) {
                    names.add(node.getName());
                }
                continue;
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                if (node.getIndex() != null && !names.isEmpty()) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            if (node.getIndex() != null && !names.isEmpty()) {
                // The index of an element in a list of objects sits on the node after the list ("due" of
                // actions[0]), as Bean Validation defines it: it belongs to the list's name.
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                names.add(name);
            } else {
                names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static boolean isPlainParameter(ConstraintViolation<?> violation) {
        int count = 0;
        for (Path.Node ignored : violation.getPropertyPath()) {
            count++;
        }
        return count == 2;
    }
}
