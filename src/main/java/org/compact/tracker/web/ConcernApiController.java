package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;

import java.util.List;

/**
 * Concerns organisations raised through their notice links, and the officers' answers. Each shows how many whole
 * days it has been open (or was, until answered).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Concerns")
@ApiContract.SignedIn
class ConcernApiController {
    private final ConcernService concerns;

    ConcernApiController(ConcernService concerns) {
        this.concerns = concerns;
    }

    @Get("/consultations/{id}/concerns")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listConcernsOfConsultation",
            summary = "The concerns raised about a consultation, oldest first, with openDays")
    @ApiContract.NotFound
    List<ConcernService.View> list(Authentication auth, @PathVariable Long id) {
        return concerns.list(Actors.of(auth), id);
    }

    @Post("/consultations/{id}/concerns/{concernId}/answer")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "answerConcern", summary = "Answer a concern (once: a second answer is 409)")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    ConcernService.View answer(Authentication auth, @PathVariable Long id, @PathVariable Long concernId,
                               @RequestBody(required = true,
                                       content = @Content(examples = @ExampleObject(name = "answer",
                                               value = ApiExamples.ANSWER)))
                               @Body AnswerRequest request) {
        return concerns.answer(Actors.of(auth), id, concernId, request.answer());
    }

    @Get("/concerns")
    @Secured({Role.ADMIN_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listConcerns",
            summary = "Concerns across all consultations, open ones first; open=true keeps only the open ones, "
            + "open=false only the answered ones")
    List<ConcernService.View> all(@Nullable @QueryValue Boolean open, @Nullable @QueryValue @Min(0) Integer page,
                                  @Nullable @QueryValue @Min(1) @Max(500) Integer size) {
        return concerns.all(open, page == null ? 0 : page, size == null ? 100 : size);
    }

    /** Body of an answer. */
    @Serdeable
    record AnswerRequest(@Nullable String answer) {
    }
}
