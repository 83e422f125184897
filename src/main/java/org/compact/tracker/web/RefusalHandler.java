package org.compact.tracker.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Refusal;

/** A refusal of the service becomes problem+json with its status, reasons, fields and rule ids. */
@Singleton
class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Refusal refusal) {
        Problem problem = new Problem(ProblemResponses.type(refusal.status()), refusal.title(), refusal.status(),
                refusal.getMessage(), request.getPath(), refusal.errors());
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(refusal.status()))
                .body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
    }
}
