package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.Dates;
import org.compact.tracker.programme.EarlierWork;
import org.compact.tracker.programme.EarlierWorkService;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.Wording;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The earlier consultations proposed beside the consultation form (PRIOR_WORK): worked out from the form as typed,
 * by the same score as {@code GET /api/consultations/{id}/similar}, so a proposal appears before anything is saved.
 */
final class SimilarProposals {
    private SimilarProposals() {
    }

    /** One proposal as the page shows it; {@code href} is set only where the user may open the consultation. */
    public record Item(long id, String title, String agency, String statusLabel, String opens, int score, String why,
                       @Nullable String href, @Nullable String weDid, @Nullable String resultsHref) {
    }

    /** What the form holds so far, as the search reads it; nothing when it names no theme, area, title or summary. */
    static List<Item> of(EarlierWorkService earlierWork, Actor actor, @Nullable Long id, ConsultationForm form) {
        List<String> themes = ConsultationForm.commaList(form.themes);
        List<String> areas = ConsultationForm.commaList(form.areas);
        if (themes.isEmpty() && areas.isEmpty() && form.title.isBlank() && form.summary.isBlank()) {
            return List.of();
        }
        EarlierWork.SimilarList found = earlierWork.similarTo(new EarlierWorkService.Draft(id, themes, areas,
                form.title, form.summary, day(form.opensOn)));
        return found.similar().stream().map(s -> new Item(s.id(), s.title(), s.agency(), Wording.code(s.status().name()),
                Wording.day(s.opensOn()), s.score(), String.join("; ", s.why()),
                actor.mayActFor(s.agencyId()) ? "/consultations/" + s.id() : null,
                s.feedback() == null ? null : s.feedback().weDid(),
                s.feedback() == null ? null : "/results/" + s.id())).toList();
    }

    @Nullable
    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
