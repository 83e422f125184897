package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.compact.tracker.consultation.ConsultationStatus;

import java.time.LocalDate;
import java.util.List;

/** The answers of the search for earlier work (PRIOR_WORK). */
public final class EarlierWork {
    private EarlierWork() {
    }

    /** The headline of a consultation's published feedback. */
    @Serdeable
    public record Feedback(String outcome, String weDid, LocalDate givenOn, String resultsUrl) {
    }

    /** A consultation found by the search. */
    @Serdeable
    public record Hit(long id, String title, String summary, long agencyId, String agency, ConsultationStatus status,
                      List<String> themes, List<String> areas, @Nullable LocalDate opensOn,
                      @Nullable LocalDate closesOn, @Nullable LocalDate decisionDate, @Nullable LocalDate withdrawnOn,
                      @Schema(nullable = false) @Nullable Feedback feedback) {
    }

    /** The search's answer: {@code total} hits, of which the first {@code hits.size()} (most recent first). */
    @Serdeable
    public record Search(@Nullable String q, @Nullable String theme, @Nullable String area, @Nullable LocalDate from,
                         @Nullable LocalDate to, int total, List<Hit> hits) {
    }

    /** An earlier consultation like the one asked about, with its score and why. */
    @Serdeable
    public record Similar(long id, String title, long agencyId, String agency, ConsultationStatus status,
                          @Nullable LocalDate opensOn, @Nullable LocalDate closesOn, int score, List<String> why,
                          @Schema(nullable = false) @Nullable Feedback feedback) {
    }

    /**
     * Similar consultations of any agency that opened within [{@code from}, {@code to}], best first; {@code
     * consultationId} is absent for a consultation not saved yet.
     */
    @Serdeable
    public record SimilarList(@Nullable Long consultationId, LocalDate from, LocalDate to, List<Similar> similar) {
    }
}
