package org.compact.tracker.rules;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The rule catalogue applied to one consultation: every checked rule in catalogue order, each with its verdict
 * and a reason an officer can act on. An exemption, recorded with a written reason, turns a rule's FAIL or WARN
 * into EXEMPT; it does not hide the rule, which still shows in the checklist, the history and compliance reports.
 *
 * <p>OPT_OUT, FEEDBACK, ACTION, SHARE and MONITOR are kept by the features that send mail, chase feedback and
 * publish results, not by a check here.
 */
@Singleton
public class RuleBook {

    private final RuleSettings settings;
    private final NoticePolicy notice;
    private final DurationPolicy duration;
    private final List<RulePolicy> policies;

    public RuleBook(RuleSettings settings) {
        this.settings = settings;
        this.notice = new NoticePolicy(settings);
        this.duration = new DurationPolicy(settings);
        this.policies = List.of(notice, new PriorWorkPolicy(settings), new InfluencePolicy(settings),
                duration, new MethodsPolicy(settings), new InclusionPolicy(settings),
                new OverloadPolicy(settings), new ClearLanguagePolicy(settings));
    }

    /**
     * One check per rule, in the order NOTICE, PRIOR_WORK, INFLUENCE, DURATION, METHODS, INCLUSION, OVERLOAD,
     * CLEAR_LANGUAGE. A FAIL or WARN of an exempted rule becomes EXEMPT with the reason "Exempted: " and the
     * original reason; the caller adds the exemption's own written reason.
     */
    public List<Check> evaluate(ConsultationFacts facts, Set<RuleId> exempted) {
        Set<RuleId> exemptions = exempted == null ? Set.of() : exempted;
        return policies.stream().map(policy -> exemptIf(policy.evaluate(facts), exemptions.contains(policy.id())))
                .toList();
    }

    /** The checks that refuse the transition guarded by {@code gate}: FAIL verdicts of BLOCK rules of that gate. */
    public List<Check> blocking(List<Check> checks, RuleId.Gate gate) {
        return checks.stream()
                .filter(Check::failed)
                .filter(check -> check.ruleId().kind() == RuleId.Kind.BLOCK && check.ruleId().gate() == gate)
                .toList();
    }

    /**
     * May a consultation notified on {@code notifiedOn} open on {@code day}? FAIL before the notice period has
     * run (the last day of the period is the day before notifiedOn plus the period), PASS from then on, EXEMPT
     * instead of FAIL when a NOTICE exemption is recorded.
     */
    public Check mayOpenOn(LocalDate notifiedOn, LocalDate day, boolean exempted) {
        return exemptIf(notice.mayOpenOn(notifiedOn, day), exempted);
    }

    /**
     * May a consultation notified on {@code notifiedOn} open on {@code day}, each organisation's notice counted from
     * its own receipt ({@code receipts}; when empty, from {@code notifiedOn})? EXEMPT instead of FAIL when exempted.
     */
    public Check mayOpenOn(LocalDate notifiedOn, List<NoticeReceipt> receipts, LocalDate day, boolean exempted) {
        return exemptIf(notice.mayOpenOn(notifiedOn, receipts, day), exempted);
    }

    /**
     * The organisations that keep a consultation from opening on {@code day} (NOTICE): one FAIL each, naming it and
     * the day it may open from, or that its notice has not been received. Empty when all had the whole period, or
     * when the notice reached no organisation (then {@link #mayOpenOn(LocalDate, LocalDate, boolean)} judges it).
     */
    public List<Check> shortOfNotice(List<NoticeReceipt> receipts, LocalDate day) {
        return notice.shortOfNotice(receipts, day);
    }

    /** The first day every organisation notified has had the whole notice period; null while one has not received it. */
    public LocalDate earliestOpening(List<NoticeReceipt> receipts) {
        return notice.earliestOpening(receipts);
    }

    /** The first day a consultation notified on {@code notifiedOn} may open. */
    public LocalDate earliestOpening(LocalDate notifiedOn) {
        return notice.earliestOpening(notifiedOn);
    }

    /**
     * The last day notice can go out for a consultation opening on {@code opensOn}; after it the notice is late.
     * Usually the open date less the notice period, later at a month end (31 January for opening on 28 February).
     */
    public LocalDate noticeDeadline(LocalDate opensOn) {
        return notice.deadline(opensOn);
    }

    /**
     * May a notified consultation open on {@code day}, later than planned, and still be open the minimum period
     * (DURATION) until {@code closesOn}? PASS when it may (or has no close date), EXEMPT instead of FAIL when a
     * DURATION exemption is recorded.
     */
    public Check durationIfOpenedOn(LocalDate day, LocalDate closesOn, boolean exempted) {
        return exemptIf(duration.ifOpenedOn(day, closesOn), exempted);
    }

    /**
     * May a consultation that opened on {@code opened} close on {@code day}, before its close date {@code closesOn}
     * (DURATION)? PASS when it is not early or leaves the minimum period, EXEMPT instead of FAIL when exempted.
     */
    public Check mayCloseOn(LocalDate opened, LocalDate closesOn, LocalDate day, boolean exempted) {
        return exemptIf(duration.mayCloseOn(opened, closesOn, day), exempted);
    }

    /** The first day PRIOR_WORK looks back to from {@code day} for earlier consultations (the look-back, default 3 years). */
    public LocalDate priorWorkSince(LocalDate day) {
        return day.minus(settings.priorWorkLookBack());
    }

    /** The days within which other live consultations count for OVERLOAD: three months either side of the period. */
    public DateRange overloadSpan(LocalDate opensOn, LocalDate closesOn) {
        return OverloadPolicy.around(opensOn, closesOn);
    }

    /**
     * The days another consultation must touch for its OVERLOAD check to count a consultation open from
     * {@code opensOn} to {@code closesOn} (a little wider than {@link #overloadSpan}, never narrower): the ones whose
     * kept checks a change to it can alter.
     */
    public DateRange overloadReach(LocalDate opensOn, LocalDate closesOn) {
        return OverloadPolicy.reach(opensOn, closesOn);
    }

    /**
     * NOTICE for organisations a change after notice adds to the targets ({@code added}, by name): they are owed the
     * same notice before it opens on {@code opening} as those notified first, counted from {@code today}. FAIL when
     * it is too late for that (or it is already {@code open}), naming them; PASS otherwise.
     */
    public Check noticeForAdded(List<String> added, boolean open, LocalDate opening, LocalDate today) {
        if (added.isEmpty() || opening == null || !mayOpenOn(today, opening, false).failed()) {
            return Check.pass(RuleId.NOTICE, "");
        }
        String who = added.size() <= 3 ? String.join(", ", added) : added.size() + " organisations";
        String them = added.size() == 1 ? "it" : "them";
        return Check.fail(RuleId.NOTICE, "Adding " + who + " now gives " + them + " less notice than the others had: "
                + (open ? "the consultation is already open" : "it opens on " + opening + ", and notice sent today allows "
                + "opening from " + earliestOpening(today))
                + ". Record a NOTICE exemption with the reason to ask " + them + " anyway.");
    }

    /** The notice period in the words the checks use ("one calendar month"), as configured. */
    public String noticePeriodInWords() {
        return Periods.describe(settings().noticePeriod());
    }

    public RuleSettings settings() {
        return settings;
    }

    private static Check exemptIf(Check check, boolean exempted) {
        if (exempted && (check.verdict() == Verdict.FAIL || check.verdict() == Verdict.WARN)) {
            return Check.exempt(check.ruleId(), "Exempted: " + check.reason());
        }
        return check;
    }
}
