package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.compact.tracker.consultation.Step;
import org.compact.tracker.feedback.FeedbackAction;
import org.compact.tracker.feedback.FeedbackRequest;
import org.compact.tracker.feedback.FeedbackService;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Refusal;

import java.net.URI;
import java.util.List;

/** Feedback ("you said, we did") and the actions it promises. */
@Controller("/api/consultations/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Feedback")
@ApiContract.SignedIn
class FeedbackApiController {
    private final FeedbackService feedback;

    FeedbackApiController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Post("/feedback")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "giveFeedback",
            summary = Step.ApiSummary.GIVE_FEEDBACK)
    @Status(HttpStatus.CREATED)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<FeedbackService.FeedbackView> give(Authentication auth, @PathVariable Long id,
                                                    @RequestBody(required = true,
                                                            content = @Content(examples = @ExampleObject(name = "feedback",
                                                                    value = ApiExamples.FEEDBACK)))
                                                    @Valid @Body FeedbackRequest request) {
        return HttpResponse.created(feedback.record(Actors.of(auth), id, request),
                URI.create("/api/consultations/" + id + "/feedback"));
    }

    @Get("/feedback")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getFeedback")
    @ApiContract.NotFound
    FeedbackService.FeedbackView get(@PathVariable Long id) {
        return feedback.get(id);
    }

    @Get("/actions")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listActions")
    @ApiContract.NotFound
    List<FeedbackAction> actions(@PathVariable Long id) {
        return feedback.actions(id);
    }

    @Post("/actions")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "addAction",
            summary = "Promise one more action after the feedback: {\"what\", \"owner\", \"due\"}")
    @Status(HttpStatus.CREATED)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<FeedbackAction> add(Authentication auth, @PathVariable Long id,
                                     @RequestBody(required = true,
                                             content = @Content(examples = @ExampleObject(name = "action",
                                                     value = ApiExamples.ACTION)))
                                     @Valid @Body FeedbackRequest.ActionRequest request) {
        FeedbackAction saved = feedback.addAction(Actors.of(auth), id, request);
        return HttpResponse.created(saved, URI.create("/api/consultations/" + id + "/actions/" + saved.id()));
    }

    @Patch("/actions/{actionId}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "markActionDone",
            summary = "Mark a promised action done: {\"done\": true, \"note\": \"…\"}")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    FeedbackAction done(Authentication auth, @PathVariable Long id, @PathVariable Long actionId,
                        @RequestBody(required = true,
                                content = @Content(examples = @ExampleObject(name = "action-done",
                                        value = ApiExamples.ACTION_DONE)))
                        @Valid @Body ActionUpdate update) {
        if (!Boolean.TRUE.equals(update.done())) {
            throw Refusal.invalid("done", "send {\"done\": true} to mark the action done");
        }
        return feedback.markDone(Actors.of(auth), id, actionId, update.note());
    }

    /** Body of an action update. */
    @Serdeable
    record ActionUpdate(@Nullable Boolean done, @Nullable @Size(max = 5000) String note) {
    }
}
