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
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error the framework answers (bad JSON, unknown route, 401, 403, 405, 413 …) into problem+json, so a
 * client sees one shape for every refusal.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemResponses implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        int status = response.code();
        if (status >= 500) {
            // Never show internals to a caller; the log has the cause under the same reference.
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected error {} on {} {}", reference, context.getRequest().getMethod(),
                    context.getRequest().getPath(), context.getRootCause().orElse(null));
            Problem problem = new Problem(type(status), reason(response), status,
                    "Something went wrong on our side; nothing was changed. Reference: " + reference,
                    context.getRequest().getPath(), List.of());
            return response.body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
        }
        List<FieldError> errors = context.getErrors().stream()
                .map(e -> new FieldError(e.getPath().map(ProblemResponses::field).orElse(null), null, clean(e.getMessage())))
                .toList();
        String detail = status == 401 && "/login".equals(context.getRequest().getPath())
                ? "The username or password is wrong."
                : errors.isEmpty() || status == 401 || status == 403 ? defaultDetail(status) : errors.get(0).reason();
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

    /**
     * Strips the decoder's noise ("Failed to convert argument [request] for value [null] due to:", the source
     * location) from a message, keeping what the caller can act on.
     */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceAll("(?s)\\s*at \\[Source:.*$", "");
        m = m.replaceAll("^Failed to convert argument \\[[^]]*] for value \\[[^]]*] due to: ", "");
        return m.strip();
    }

    /** "create.request.title" (a bean-validation path) becomes "title"; a JSON path stays as it is. */
    @io.micronaut.core.annotation.Nullable
    static String field(String path) {
        if (path.equals("/request") || path.equals("/body")) {
            return null;
        }
        String p = path.toLowerCase(Locale.ROOT).startsWith("$.") ? path.substring(2) : path;
        String[] parts = p.split("\\.");
        int start = 0;
        if (parts.length > 2 && (parts[1].equals("request") || parts[1].equals("body") || parts[1].endsWith("Request"))) {
            start = 2;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }
}
