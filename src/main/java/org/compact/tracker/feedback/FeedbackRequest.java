package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import org.compact.tracker.support.CalendarDate;
import org.compact.tracker.support.SingleLine;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/consultations/{id}/feedback}. */
@Serdeable
public record FeedbackRequest(
        @Nullable @Size(max = 20000) String youSaid,
        @Nullable @Size(max = 20000) String weDid,
        @Nullable @Size(max = 20) String outcome,
        @Nullable @Size(max = 20000) String reasons,
        @Nullable @Size(max = 2000) @SingleLine String reportUrl,
        @Nullable @CalendarDate LocalDate decidedOn,
        @Nullable @Size(max = 30) Map<String, Integer> responseCounts,
        @Nullable @Size(max = 100) List<@Valid ActionRequest> actions) {

    /** An action the feedback promises. */
    @Serdeable
    public record ActionRequest(@Nullable @Size(max = 2000) String what, @Nullable @Size(max = 320) @SingleLine String owner,
                                @Nullable @CalendarDate LocalDate due) {
    }
}
