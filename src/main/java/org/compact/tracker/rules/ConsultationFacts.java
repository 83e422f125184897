package org.compact.tracker.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the rule policies may look at, gathered by the caller. Policies never read a clock or a database:
 * {@code today} is the clock's date in Europe/London.
 *
 * @param today        the date the rules are judged on
 * @param notifiedOn   the date notice went out, or null while planned
 * @param audiences    audience codes (the 16 socially excluded groups of seed 000 and others) and free additions
 * @param methods      method codes, e.g. ONLINE_SURVEY, PUBLIC_MEETING
 * @param provisions   provision codes, e.g. EASY_READ, BSL_INTERPRETER, EXPENSES
 * @param targets      the organisations targeted (explicitly or by area, interest, community), resolved
 * @param languages    the languages other than English the consultation offers (with TRANSLATION or INTERPRETER)
 * @param translated   the languages the consultation has a translated summary in, each as its tag and English name
 *                     ("pl", "Polish"): each meets that language need (METHODS) whatever the provisions
 * @param receipts     once notified, when each organisation notified received its notice (NOTICE counts from it);
 *                     empty while planned, or when notice reached nobody
 */
public record ConsultationFacts(
        LocalDate today,
        String title,
        String summary,
        Set<String> themes,
        Set<String> audiences,
        Set<String> methods,
        Set<String> provisions,
        String openToChange,
        String fixed,
        LocalDate decisionDate,
        String decisionMaker,
        LocalDate opensOn,
        LocalDate closesOn,
        LocalDate notifiedOn,
        List<Long> priorWorkRelatedIds,
        String priorWorkStatement,
        List<TargetedOrganisation> targets,
        Set<String> languages,
        List<NoticeReceipt> receipts,
        Set<String> translated) {

    public ConsultationFacts {
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
        translated = translated == null ? Set.of() : Set.copyOf(translated);
    }

    /** Facts of a consultation without translated summaries. */
    public ConsultationFacts(LocalDate today, String title, String summary, Set<String> themes, Set<String> audiences,
                             Set<String> methods, Set<String> provisions, String openToChange, String fixed,
                             LocalDate decisionDate, String decisionMaker, LocalDate opensOn, LocalDate closesOn,
                             LocalDate notifiedOn, List<Long> priorWorkRelatedIds, String priorWorkStatement,
                             List<TargetedOrganisation> targets, Set<String> languages, List<NoticeReceipt> receipts) {
        this(today, title, summary, themes, audiences, methods, provisions, openToChange, fixed, decisionDate,
                decisionMaker, opensOn, closesOn, notifiedOn, priorWorkRelatedIds, priorWorkStatement, targets, languages,
                receipts, Set.of());
    }
}
