package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.compact.tracker.support.CalendarDate;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A consultation as sent to {@code POST /api/consultations} or {@code PATCH /api/consultations/{id}}. On PATCH an
 * absent (or null) field is left as it is, and an empty string or list clears it. Methods and provisions are codes
 * of {@link Method} and {@link Provision} (an unknown one is refused, naming it); audiences may be free text beside
 * the codes of {@link Audience}. {@code partnerAgencyIds} makes it a joint consultation: the agencies that consult
 * with the lead agency ({@code agencyId}), each an existing agency other than the lead, named once. {@code howToRespond}
 * replaces the ways to respond as a whole (an empty object clears them), and {@code events} the list of events. Names, titles and labels are one line ({@link SingleLine}); the summary and the
 * statements may have several lines, but no control or invisible formatting characters either.
 */
@Serdeable
public record ConsultationRequest(
        @Nullable @Size(max = 300) @SingleLine String title,
        @Nullable @Size(max = 20000) String summary,
        @Nullable Long agencyId,
        @Nullable @Size(max = 100) @SingleLine String leadOfficer,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) @SingleLine String> themes,
        @Nullable @Size(max = 200) List<@NotBlank @Size(max = 100) @SingleLine String> areas,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) @SingleLine String> audiences,
        @Nullable @Size(max = 20) List<@SingleLine String> methods,
        @Schema(nullable = false) @Nullable @Valid Targets targets,
        @Nullable @Size(max = 5000) String openToChange,
        @Nullable @Size(max = 5000) String fixed,
        @Nullable @CalendarDate LocalDate decisionDate,
        @Nullable @Size(max = 200) @SingleLine String decisionMaker,
        @Nullable @CalendarDate LocalDate opensOn,
        @Nullable @CalendarDate LocalDate closesOn,
        @Nullable @Size(max = 30) List<@SingleLine String> provisions,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) @SingleLine String> languages,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 300) @SingleLine String> venues,
        @Schema(nullable = false) @Nullable @Valid HowToRespond howToRespond,
        @Nullable @Size(max = 50) List<@NotNull @Valid ConsultationEvent> events,
        @Schema(nullable = false) @Nullable @Valid PriorWork priorWork,
        @Nullable @Size(max = 20) List<Long> partnerAgencyIds) {

    /** Whom to ask: named organisations, and/or every organisation matching an area, interest or community. */
    @Serdeable
    public record Targets(
            @Nullable @Size(max = 5000) List<Long> organisationIds,
            @Nullable @Size(max = 200) List<@NotBlank @Size(max = 100) @SingleLine String> areas,
            @Nullable @Size(max = 200) List<@NotBlank @Size(max = 100) @SingleLine String> interests,
            @Nullable @Size(max = 200) List<@NotBlank @Size(max = 100) @SingleLine String> communities) {
    }

    /** The check for earlier consultations (PRIOR_WORK): related consultations, and/or why none is relevant. */
    @Serdeable
    public record PriorWork(@Nullable @Size(max = 100) List<Long> relatedIds, @Nullable @Size(max = 5000) String statement) {
    }
}
