package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import org.compact.tracker.feedback.Participant;
import org.compact.tracker.feedback.ParticipantService;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;

import java.net.URI;
import java.util.List;

/**
 * The people and groups who took part in a consultation and agreed to hear back. Officers of the consultation's
 * agency and admins add them (one by one, or a CSV file that is imported whole or not at all); monitors read.
 */
@Controller("/api/consultations/{id}/participants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Participants")
@ApiContract.SignedIn
class ParticipantApiController {
    static final String TEXT_CSV = "text/csv";

    private final ParticipantService participants;

    ParticipantApiController(ParticipantService participants) {
        this.participants = participants;
    }

    @Post
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "addParticipant",
            summary = "Add a participant who agreed to hear back (consentAt: ISO date or date-time, default now)")
    @Status(HttpStatus.CREATED)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<Participant> add(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "participant",
                            value = ApiExamples.PARTICIPANT)))
            @Body ParticipantRequest request) {
        Participant p = participants.add(Actors.of(auth), id, request.name(), request.email(), request.consentAt());
        return HttpResponse.created(p, URI.create("/api/consultations/" + id + "/participants"));
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listParticipants", summary = "Everyone listed as having taken part, with their consent")
    @ApiContract.NotFound
    List<Participant> list(Authentication auth, @PathVariable Long id) {
        return participants.list(Actors.of(auth), id);
    }

    @Post("/import")
    @Consumes({TEXT_CSV, MediaType.TEXT_PLAIN})
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "importParticipants",
            summary = "Import a CSV file (header name,email[,consent_at]; at most 1 MB and 10,000 rows): every "
            + "line is checked first and one bad line refuses the whole file, naming each bad line")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    ParticipantService.Imported importCsv(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true, content = {
                    @Content(mediaType = TEXT_CSV,
                            examples = @ExampleObject(name = "participants-csv", value = ApiExamples.PARTICIPANTS_CSV)),
                    @Content(mediaType = MediaType.TEXT_PLAIN,
                            examples = @ExampleObject(name = "participants-csv", value = ApiExamples.PARTICIPANTS_CSV))})
            @Nullable @Body String csv) {
        return participants.importCsv(Actors.of(auth), id, csv);
    }

    @Post("/{pid}/withdraw")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "withdrawParticipant",
            summary = "Withdraw a participant's consent on their behalf (they asked an officer); recorded in the history")
    @ApiContract.NotFound
    @ApiContract.Conflict
    Participant withdraw(Authentication auth, @PathVariable Long id, @PathVariable Long pid) {
        return participants.withdrawFor(Actors.of(auth), id, pid);
    }

    /** Body of an added participant. */
    @Serdeable
    record ParticipantRequest(@Nullable String name, @Nullable String email, @Nullable String consentAt) {
    }
}
