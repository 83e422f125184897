package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting, drop-in or other event of a consultation (issue 19): when (local times, Europe/London), where, and the
 * provisions it offers (codes of the consultation's Provision table: HEARING_LOOP, BSL_INTERPRETER…). Notices, the
 * programme and the calendars show each as a timed event.
 */
@Serdeable
public record ConsultationEvent(
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @Nullable @Size(max = 300) @SingleLine String venue,
        @Nullable @Size(max = 2000) String details,
        @Nullable @Size(max = 30) List<@SingleLine String> provisions) {

    public ConsultationEvent {
        provisions = provisions == null ? List.of() : List.copyOf(provisions);
    }
}
