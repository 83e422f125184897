package org.compact.tracker.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.compact.tracker.support.FieldError;

import java.util.List;
import java.util.Locale;

/**
 * Turns every error the framework answers (bad JSON, unknown route, 401, 403, 405, 413 …) into problem+json, so a
 * client sees one shape for every refusal.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        int status = response.code();
        List<FieldError> errors = context.getErrors().stream()
                .map(e -> new FieldError(e.getPath().map(ProblemResponses::field).orElse(null), null, e.getMessage()))
                .toList();
        String detail = errors.isEmpty() ? defaultDetail(status) : errors.get(0).reason();
        Problem problem = new Problem(type(status), reason(response), status, detail,
                context.getRequest().getPath(), errors);
        return response.body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
    }

    static String type(int status) {
        return "https://httpstatuses.io/" + status;
    }

    private static String reason(MutableHttpResponse<?> response) {
        try {
            return HttpStatus.valueOf(response.code()).getReason();
        } catch (IllegalArgumentException e) {
            return "Error";
        }
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "Sign in first: send 'Authorization: Bearer <token>' from POST /login.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "Nothing is here.";
            case 405 -> "This address does not take that method.";
            case 413 -> "The request is too large.";
            default -> "The request could not be handled.";
        };
    }

    /** "create.request.title" (a bean-validation path) becomes "title"; a JSON path stays as it is. */
    static String field(String path) {
        String p = path.toLowerCase(Locale.ROOT).startsWith("$.") ? path.substring(2) : path;
        String[] parts = p.split("\\.");
        int start = 0;
        if (parts.length > 2 && (parts[1].equals("request") || parts[1].equals("body") || parts[1].endsWith("Request"))) {
            start = 2;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }
}
