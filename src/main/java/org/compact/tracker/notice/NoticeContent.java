package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What a notice says about a consultation, gathered by the register. {@code revision} grows with every change to the
 * consultation (its version): the calendar events of a later mail replace those of an earlier one (SEQUENCE).
 * {@code translations} are its translated summaries: an organisation that needs one of their languages gets it at the
 * top of its notice.
 * {@code agencyName} is the lead agency; {@code partnerNames} the partner agencies of a joint consultation (empty
 * otherwise), named in every mail about it, so organisations get one notice from all the partners.
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
        List<Translation> translations) {

    public NoticeContent {
        translations = translations == null ? List.of() : List.copyOf(translations);
    }

    /** Without translations. */
    public NoticeContent(long consultationId, String title, String summary, String agencyName,
                         List<String> partnerNames, String officerName, String officerEmail, List<String> themes,
                         List<String> areas, List<String> methods, List<String> provisions, List<String> languages, List<String> venues,
                         @Nullable String openToChange, @Nullable String fixed, @Nullable LocalDate decisionDate,
                         @Nullable String decisionMaker, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn,
                         long revision) {
        this(consultationId, title, summary, agencyName, partnerNames, officerName, officerEmail, themes, areas, methods,
                provisions, languages, venues, openToChange, fixed, decisionDate, decisionMaker, opensOn, closesOn, revision,
                List.of());
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
