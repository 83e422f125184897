package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.compact.tracker.consultation.ConsultationRequest;
import org.compact.tracker.consultation.ConsultationHistory;
import org.compact.tracker.consultation.Exemptions;
import org.compact.tracker.consultation.Lifecycle;
import org.compact.tracker.consultation.Register;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.consultation.Exemption;
import org.compact.tracker.consultation.HistoryEntry;
import org.compact.tracker.consultation.Step;
import org.compact.tracker.notice.DeliveryReport;
import org.compact.tracker.notice.NoticeReceipts;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.CalendarDate;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.Refusal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The consultation register and its lifecycle. Everyone signed in reads; officers (for their own agency) and admins
 * change. Answers carry an {@code ETag} of the version; a change may send {@code If-Match} to be refused (409) if
 * someone else changed the consultation first.
 */
@Controller("/api/consultations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Consultations")
@ApiContract.SignedIn
class ConsultationApiController {
    private final Register register;
    private final RegisterReads consultations;
    private final Lifecycle lifecycle;
    private final Exemptions exemptions;
    private final ConsultationHistory history;
    private final io.micronaut.json.JsonMapper jsonMapper;

    ConsultationApiController(Register register, RegisterReads consultations, Lifecycle lifecycle,
                              Exemptions exemptions, ConsultationHistory history,
                              io.micronaut.json.JsonMapper jsonMapper) {
        this.register = register;
        this.consultations = consultations;
        this.lifecycle = lifecycle;
        this.exemptions = exemptions;
        this.history = history;
        this.jsonMapper = jsonMapper;
    }

    @Post
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "registerConsultation", summary = "Register a consultation (PLANNED)")
    @Status(HttpStatus.CREATED)
    @ApiContract.Invalid
    HttpResponse<ConsultationView> register(Authentication auth,
            @RequestBody(required = true, content = @Content(schema = @Schema(ref = "#/components/schemas/NewConsultation"),
                    examples = @ExampleObject(name = "new-consultation", value = ApiExamples.NEW_CONSULTATION)))
            @Valid @Body ConsultationRequest request) {
        ConsultationView view = register.register(Actors.of(auth), request);
        return HttpResponse.created(view, URI.create("/api/consultations/" + view.id())).header("ETag", etag(view));
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listConsultations",
            summary = "List consultations; a period filter keeps those whose open period touches [from, to]")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A page of consultations",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    array = @io.swagger.v3.oas.annotations.media.ArraySchema(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ConsultationView.class))))
    @ApiContract.Invalid
    HttpResponse<byte[]> list(@Schema(nullable = false) @Nullable @QueryValue ConsultationStatus status,
                              @Nullable @QueryValue Long agency,
                              @Nullable @QueryValue @CalendarDate LocalDate from,
                              @Nullable @QueryValue @CalendarDate LocalDate to,
                              @Nullable @QueryValue @Min(0) Integer page,
                              @Nullable @QueryValue @Min(1) @Max(500) Integer size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("to", "must not be before from (" + from + ")");
        }
        // The page is kept as its JSON while the register is unchanged: asked again, it is neither read nor written.
        byte[] json = consultations.listRendered(status, agency, from, to, page == null ? 0 : page,
                size == null ? 100 : size, this::json);
        return HttpResponse.ok(json).contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
    }

    private byte[] json(List<ConsultationView> views) {
        try {
            return jsonMapper.writeValueAsBytes(io.micronaut.core.type.Argument.listOf(ConsultationView.class), views);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Get("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getConsultation", summary = "A consultation with its rule checks")
    @ApiContract.NotFound
    HttpResponse<ConsultationView> get(@PathVariable Long id) {
        ConsultationView view = consultations.get(id);
        return HttpResponse.ok(view).header("ETag", etag(view));
    }

    @Patch("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "updateConsultation", summary = "Change a consultation; absent fields stay as they are")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<ConsultationView> update(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "consultation-change",
                            value = ApiExamples.CONSULTATION_CHANGE)))
            @Valid @Body ConsultationRequest request,
            @Nullable @Header("If-Match") String ifMatch) {
        ConsultationView view = register.update(Actors.of(auth), id, request, version(ifMatch));
        return HttpResponse.ok(view).header("ETag", etag(view));
    }

    @Post("/{id}/notify")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "notifyConsultation",
            summary = Step.ApiSummary.NOTIFY)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<ConsultationView> notify(Authentication auth, @PathVariable Long id) {
        return tagged(lifecycle.notify(Actors.of(auth), id));
    }

    @Post("/{id}/notify/resend")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "resendNotice",
            summary = "Send the notice again to the current contacts of organisations it has not reached (NOTIFIED or "
            + "OPEN); NOTICE then counts from their new receipt")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    NoticeReceipts.Resent resendNotice(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "notice-resend", value = ApiExamples.NOTICE_RESEND)))
            @Valid @Body ResendRequest request) {
        return lifecycle.resendNotice(Actors.of(auth), id, request.organisationIds());
    }

    @Post("/{id}/open")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "openConsultation", summary = Step.ApiSummary.OPEN)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<ConsultationView> open(Authentication auth, @PathVariable Long id) {
        return tagged(lifecycle.open(Actors.of(auth), id));
    }

    @Post("/{id}/close")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "closeConsultation", summary = Step.ApiSummary.CLOSE)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<ConsultationView> close(Authentication auth, @PathVariable Long id) {
        return tagged(lifecycle.close(Actors.of(auth), id));
    }

    @Post("/{id}/withdraw")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "withdrawConsultation", summary = Step.ApiSummary.WITHDRAW)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<ConsultationView> withdraw(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "withdrawal", value = ApiExamples.WITHDRAWAL)))
            @Valid @Body WithdrawRequest request) {
        return tagged(lifecycle.withdraw(Actors.of(auth), id, request.reason()));
    }

    @Post("/{id}/exemptions")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "recordExemption", summary = "Record an exemption from a rule, with a written reason")
    @Status(HttpStatus.CREATED)
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<Exemption> exempt(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "exemption", value = ApiExamples.EXEMPTION)))
            @Valid @Body ExemptionRequest request) {
        Exemption e = exemptions.record(Actors.of(auth), id,
                EnumCodes.parse(RuleId.class, request.ruleId(), "ruleId"), request.reason());
        return HttpResponse.created(e, URI.create("/api/consultations/" + id + "/history"));
    }

    @Get("/{id}/deliveries")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listDeliveries",
            summary = "Each organisation contact's mail: queued, sent (with time), failed (with reason), replies; and counts; "
            + "the feedback mail to people who took part (their addresses for admins, monitors and the agency's officers)")
    @ApiContract.NotFound
    DeliveryReport deliveries(Authentication auth, @PathVariable Long id) {
        return consultations.deliveries(Actors.of(auth), id);
    }

    @Get("/{id}/history")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getConsultationHistory",
            summary = "Every transition, change and exemption, with who, when and why")
    @ApiContract.NotFound
    List<HistoryEntry> history(@PathVariable Long id) {
        return history.of(id);
    }

    /** Body of a withdrawal. */
    @Serdeable
    record WithdrawRequest(@Nullable @Size(max = 5000) String reason) {
    }

    /** Body of a resend: the organisations whose current contacts are sent the notice again. */
    @Serdeable
    record ResendRequest(@Nullable @Size(max = 1000) List<Long> organisationIds) {
    }

    /** Body of an exemption. */
    @Serdeable
    record ExemptionRequest(@Nullable @Size(max = 40) String ruleId, @Nullable @Size(max = 5000) String reason) {
    }

    private static HttpResponse<ConsultationView> tagged(ConsultationView view) {
        return HttpResponse.ok(view).header("ETag", etag(view));
    }

    private static String etag(ConsultationView view) {
        return "\"" + view.version() + "\"";
    }

    @Nullable
    private static Long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("If-Match", "must be the ETag of the consultation, e.g. \"3\"");
        }
    }
}
