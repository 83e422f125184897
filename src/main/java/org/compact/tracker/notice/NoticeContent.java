package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;

import java.time.LocalDate;
import java.util.List;

/**
 * What a notice says about a consultation, gathered by the register. {@code revision} grows with every change to the
 * consultation (its version): the calendar events of a later mail replace those of an earlier one (SEQUENCE).
 * {@code officerName} is the lead officer's display name, {@code officerEmail} where replies go (Reply-To);
 * {@code howToRespond} and {@code events} say where to respond and when and where the meetings are.
 */
public record NoticeContent(
        long consultationId,
        String title,
        String summary,
        String agencyName,
        String officerName,
        String officerEmail,
        List<String> themes,
        List<String> areas,
        List<String> methods,
        List<String> provisions,
        List<String> languages,
        List<String> venues,
        @Nullable String openToChange,
        @Nullable String fixed,
        @Nullable LocalDate decisionDate,
        @Nullable String decisionMaker,
        @Nullable LocalDate opensOn,
        @Nullable LocalDate closesOn,
        long revision,
        HowToRespond howToRespond,
        List<ConsultationEvent> events) {

    public NoticeContent {
        howToRespond = howToRespond == null ? HowToRespond.NONE : howToRespond;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The same, opening on {@code day} (a change mail of a consultation that opened on another day than planned). */
    public NoticeContent withOpensOn(@Nullable LocalDate day) {
        return new NoticeContent(consultationId, title, summary, agencyName, officerName, officerEmail, themes, areas,
                methods, provisions, languages, venues, openToChange, fixed, decisionDate, decisionMaker, day, closesOn,
                revision, howToRespond, events);
    }
}
