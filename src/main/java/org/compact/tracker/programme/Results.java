package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The published results of one consultation, "you said, we did": what was heard, what was decided and why, how
 * many responded by each method, and the promised actions with their progress as of {@code asOf}.
 */
@Serdeable
public record Results(
        ProgrammeEntry consultation,
        String youSaid,
        String weDid,
        String outcome,
        @Nullable String reasons,
        @Nullable String reportUrl,
        @Nullable LocalDate decidedOn,
        Map<String, Integer> responseCounts,
        int totalResponses,
        LocalDate givenOn,
        List<Action> actions,
        LocalDate asOf) {

    /** A promised action: what, by when, and where it stands. */
    @Serdeable
    public record Action(String what, LocalDate due, Progress progress, @Nullable LocalDate doneOn, @Nullable String note) {
    }

    /** Done, due (not yet done, date not passed) or overdue (not done, date passed). */
    public enum Progress { DONE, DUE, OVERDUE }
}
