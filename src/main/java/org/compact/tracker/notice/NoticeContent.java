package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;

import java.time.LocalDate;
import java.util.List;

/**
 * What a notice says about a consultation, gathered by the register. {@code revision} grows with every change to the
 * consultation (its version): the calendar events of a later mail replace those of an earlier one (SEQUENCE).
 * {@code translations} are its translated summaries: an organisation that needs one of their languages gets it at the
 * top of its notice.
 * {@code agencyName} is the lead agency; {@code partnerNames} the partner agencies of a joint consultation (empty
 * otherwise), named in every mail about it, so organisations get one notice from all the partners.
 * {@code officerName} is the lead officer's display name, {@code officerEmail} where replies go (Reply-To);
 * {@code howToRespond} and {@code events} say where to respond and when and where the meetings are.
 */
public record NoticeContent(
        long consultationId,
        String title,
        String summary,
        String agencyName,
        List<String> partnerNames,
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
        List<Translation> translations,
        HowToRespond howToRespond,
        List<ConsultationEvent> events) {

    public NoticeContent {
        partnerNames = partnerNames == null ? List.of() : List.copyOf(partnerNames);
        translations = translations == null ? List.of() : List.copyOf(translations);
        howToRespond = howToRespond == null ? HowToRespond.NONE : howToRespond;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Without translations, ways to respond or events. */
    public NoticeContent(long consultationId, String title, String summary, String agencyName,
                         List<String> partnerNames, String officerName, String officerEmail, List<String> themes,
                         List<String> areas, List<String> methods, List<String> provisions, List<String> languages,
                         List<String> venues, @Nullable String openToChange, @Nullable String fixed,
                         @Nullable LocalDate decisionDate, @Nullable String decisionMaker, @Nullable LocalDate opensOn,
                         @Nullable LocalDate closesOn, long revision) {
        this(consultationId, title, summary, agencyName, partnerNames, officerName, officerEmail, themes, areas, methods,
                provisions, languages, venues, openToChange, fixed, decisionDate, decisionMaker, opensOn, closesOn, revision,
                List.of(), HowToRespond.NONE, List.of());
    }

    /** The same, opening on {@code day} (a change mail of a consultation that opened on another day than planned). */
    public NoticeContent withOpensOn(@Nullable LocalDate day) {
        return new NoticeContent(consultationId, title, summary, agencyName, partnerNames, officerName, officerEmail,
                themes, areas, methods, provisions, languages, venues, openToChange, fixed, decisionDate, decisionMaker,
                day, closesOn, revision, translations, howToRespond, events);
    }

    /** Who consults, as a mail's sentence names them: "A" or, joint, "A, with B and C,". */
    public String consulting() {
        return partnerNames.isEmpty() ? agencyName : agencyName + ", with " + and(partnerNames) + ",";
    }

    /** Whether the consultation is joint: more than one agency consults. */
    public boolean joint() {
        return !partnerNames.isEmpty();
    }

    static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
