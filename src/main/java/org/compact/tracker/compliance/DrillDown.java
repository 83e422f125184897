package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.Criteria.Cond;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.feedback.ConcernKind;
import org.compact.tracker.rules.RuleId;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.compact.tracker.compliance.ReportText.camel;

/**
 * The consultations behind each figure of the report, listed by the same conditions the report sums
 * ({@link Criteria}) over the same scan of the period. A figure that counts consultations lists exactly those it
 * counts; a rate lists the consultations it divides by, each marked met or not; a figure about organisations,
 * actions or concerns lists the consultations that have such an organisation, action or concern. The directory's
 * opt-out figures are about no consultation and have no drill-down. {@link DrillDownQuery} lists them.
 */
final class DrillDown {
    /** What a figure lists: the consultations meeting {@code base}; for a rate, whether each meets {@code met}. */
    record Spec(Cond base, @Nullable Cond met, String listed, @Nullable String metText, boolean countsSame) {
        static Spec same(Cond base, String listed) {
            return new Spec(base, null, listed, null, true);
        }

        static Spec having(Cond base, String listed) {
            return new Spec(base, null, listed, null, false);
        }

        static Spec rate(Cond base, Cond met, String listed, String metText) {
            return new Spec(base, met, listed, metText, false);
        }
    }

    /**
     * Every section and figure that has a drill-down ("NOTICE.fullNoticeRate") but the INCLUSION figure of each
     * group, whatever the settings.
     */
    private static final Set<String> FIGURES = figures(List.of());

    private DrillDown() {
    }

    /** Every section and figure that has a drill-down, with one INCLUSION figure per group of {@code groups}. */
    static Set<String> figures(List<String> groups) {
        if (groups.isEmpty() && FIGURES != null) {
            return FIGURES;
        }
        return specs(new Criteria(new ReportSettings(Period.ofMonths(1), Period.ofWeeks(12), Period.ofWeeks(4),
                Period.ofWeeks(12), groups), new Sql(ZoneId.of("Europe/London")), LocalDate.EPOCH)).keySet();
    }

    /** Whether {@code section.figure} has a drill-down when the socially excluded groups are {@code groups}. */
    static boolean has(String section, String figure, List<String> groups) {
        return FIGURES.contains(section + "." + figure) || "INCLUSION".equals(section) && groups.contains(figure);
    }

    static Map<String, Spec> specs(Criteria is) {
        Map<String, Spec> s = new LinkedHashMap<>();
        String counted = "Counted consultations";
        s.put("SCOPE.consultations", Spec.same(Cond.of("1 = 1"), "Consultations in the period, any status."));
        for (ConsultationStatus status : ConsultationStatus.values()) {
            s.put("SCOPE." + camel(status.name()), Spec.same(is.status(status), "Consultations in the period whose status is "
                    + status.name() + " on the report day."));
        }
        s.put("SCOPE.counted", Spec.same(is.counted(), counted + ": in the period, notice sent, not withdrawn."));

        Cond sent = is.counted().and(is.noticeSent());
        Cond reached = is.counted().and(is.organisationReached());
        s.put("NOTICE.organisationsNotified", Spec.having(sent, counted + " that sent notice to at least one organisation."));
        s.put("NOTICE.organisationsReached", Spec.having(reached, counted + " with at least one organisation whose notice the mail server accepted."));
        s.put("NOTICE.organisationsNotYetReached", Spec.having(is.counted().and(is.organisationNotYetReached()),
                counted + " with at least one organisation none of whose notices has been accepted yet."));
        s.put("NOTICE.withFullNotice", Spec.having(is.counted().and(is.organisationWithFullNotice()),
                counted + " with at least one organisation reached a full notice period before the open date."));
        s.put("NOTICE.fullNoticeRate", Spec.rate(reached, is.organisationWithShortNotice().not(),
                counted + " with at least one organisation reached.", "every organisation reached had the full notice period"));
        s.put("NOTICE.medianLeadDays", Spec.having(reached, counted + " with at least one organisation reached: the lead times are theirs."));
        s.put("NOTICE.worstLeadDays", Spec.rate(reached, is.organisationWithShortNotice().not(),
                counted + " with at least one organisation reached.", "every organisation reached had the full notice period"));
        s.put("NOTICE.consultationsOpened", Spec.same(is.opened(), counted + " that have opened."));
        s.put("NOTICE.openedWithoutFullNotice", Spec.same(is.openedShort(), counted + " that opened before every "
                + "organisation notified had had a full notice period from its receipt of the notice."));
        s.put("NOTICE.openedWithoutFullNoticeExempted", Spec.same(is.openedShort().and(is.exempted("NOTICE")),
                "Of those, consultations with a NOTICE exemption."));
        s.put("NOTICE.plannedPastNoticeDeadline", Spec.same(is.plannedPastNoticeDeadline(),
                "Consultations still PLANNED whose open date no longer leaves a full notice period."));

        Cond priorWorkMet = is.priorWorkRelated().or(is.priorWorkStatementOnly());
        s.put("PRIOR_WORK.consultations", Spec.same(is.counted(), counted + "."));
        s.put("PRIOR_WORK.withRelated", Spec.same(is.priorWorkRelated(), counted + " linked to an earlier consultation."));
        s.put("PRIOR_WORK.withStatementOnly", Spec.same(is.priorWorkStatementOnly(), counted + " with a statement that none is relevant."));
        s.put("PRIOR_WORK.met", Spec.same(priorWorkMet, counted + " with earlier work linked or a statement."));
        s.put("PRIOR_WORK.rate", Spec.rate(is.counted(), priorWorkMet, counted + ".", "earlier work linked or a statement that none is relevant"));

        s.put("INFLUENCE.consultations", Spec.same(is.counted(), counted + "."));
        s.put("INFLUENCE.decisionAfterAnalysis", Spec.same(is.influenceMet(), counted + " whose decision comes after the analysis period."));
        s.put("INFLUENCE.rate", Spec.rate(is.counted(), is.influenceMet(), counted + ".", "the decision date is after the close date plus the analysis period"));
        s.put("INFLUENCE.opennessStated", Spec.same(is.influenceStated(), counted + " stating what can change, what is fixed and who decides."));

        s.put("DURATION.consultations", Spec.same(is.counted(), counted + "."));
        s.put("DURATION.openAtLeastMinimum", Spec.same(is.durationMet(), counted + " open at least the minimum duration."));
        s.put("DURATION.rate", Spec.rate(is.counted(), is.durationMet(), counted + ".", "open at least the minimum duration"));
        Cond shorter = is.counted().and(is.durationMetAnyStatus().not());
        s.put("DURATION.shorter", Spec.same(shorter, counted + " open for less than the minimum, or without both dates."));
        s.put("DURATION.shorterExempted", Spec.same(shorter.and(is.exempted("DURATION")), "Of those, consultations with a DURATION exemption."));

        s.put("METHODS.consultations", Spec.same(is.counted(), counted + "."));
        s.put("METHODS.withMethodAndAudience", Spec.same(is.methodsMet(), counted + " with a method and an audience."));
        s.put("METHODS.rate", Spec.rate(is.counted(), is.methodsMet(), counted + ".", "at least one method and one audience"));

        s.put("INCLUSION.consultations", Spec.same(is.counted(), counted + "."));
        s.put("INCLUSION.namingAnyGroup", Spec.same(is.namesAnyGroup(), counted + " naming a socially excluded group."));
        s.put("INCLUSION.rate", Spec.rate(is.counted(), is.namesAnyGroup(), counted + ".", "names at least one of the "
                + is.groups().size() + " socially excluded groups"));
        s.put("INCLUSION.groupsNamed", Spec.having(is.namesAnyGroup(), counted + " naming at least one of the groups."));
        for (String group : is.groups()) {
            s.put("INCLUSION." + group, Spec.same(is.counted().and(is.names(group)), counted + " naming " + group + "."));
        }

        s.put("OVERLOAD.organisationsAsked", Spec.having(sent, counted + " that sent notice to at least one organisation."));
        s.put("OVERLOAD.mostNotices", Spec.having(sent, counted + " that sent notice to at least one organisation."));

        Cond due = is.feedbackGiven().or(is.feedbackOverdue());
        s.put("FEEDBACK.closed", Spec.same(is.feedbackClosed(), counted + " that have closed."));
        s.put("FEEDBACK.given", Spec.same(is.feedbackGiven(), counted + " with feedback given."));
        s.put("FEEDBACK.givenOnTime", Spec.same(is.feedbackOnTime(), counted + " with feedback given by the due day."));
        s.put("FEEDBACK.givenLate", Spec.same(is.feedbackGiven().and(is.feedbackOnTime().not()), counted + " with feedback given after the due day."));
        s.put("FEEDBACK.overdue", Spec.same(is.feedbackOverdue(), counted + " closed without feedback after the due day."));
        s.put("FEEDBACK.notYetDue", Spec.same(is.feedbackNotYetDue(), counted + " closed without feedback, not yet due."));
        s.put("FEEDBACK.onTimeRate", Spec.rate(due, is.feedbackOnTime(), counted + " with feedback given or overdue.", "feedback given by the due day"));
        s.put("FEEDBACK.medianDaysAfterClose", Spec.having(is.feedbackRecorded(), counted + " with feedback given: the days are theirs."));

        Cond promised = is.counted().and(is.action("1 = 1"));
        s.put("ACTION.promised", Spec.having(promised, counted + " that promised at least one action."));
        s.put("ACTION.done", Spec.having(is.counted().and(is.action("a.done_on IS NOT NULL")), counted + " with an action done."));
        s.put("ACTION.doneOnTime", Spec.having(is.counted().and(is.action("a.done_on IS NOT NULL AND a.done_on <= a.due")),
                counted + " with an action done by its due day."));
        s.put("ACTION.open", Spec.having(is.counted().and(is.action("a.done_on IS NULL")), counted + " with an action not done."));
        s.put("ACTION.overdue", Spec.having(is.counted().and(is.actionOverdue()), counted + " with an action overdue."));
        s.put("ACTION.onTrackRate", Spec.rate(promised, is.actionOverdue().not(), counted + " that promised actions.", "no action overdue"));

        s.put("SHARE.feedbackGiven", Spec.same(is.feedbackGiven(), counted + " with feedback given."));
        s.put("SHARE.withPublishedReport", Spec.same(is.feedbackPublished(), counted + " whose feedback links a published report."));
        s.put("SHARE.rate", Spec.rate(is.feedbackGiven(), is.feedbackPublished(), counted + " with feedback given.", "the feedback links a published report"));

        s.put("CLEAR_LANGUAGE.consultations", Spec.same(is.counted(), counted + "."));

        for (RuleId exemptable : RuleId.EXEMPTABLE) {
            String rule = exemptable.name();
            s.put(rule + ".exempted", Spec.same(is.counted().and(is.exempted(rule)), counted + " with a " + rule + " exemption."));
            s.put("EXEMPTIONS." + rule, Spec.having(is.exempted(rule), "Consultations in the period, any status, with a "
                    + rule + " exemption."));
        }
        s.put("EXEMPTIONS.exemptions", Spec.having(is.exempted(null), "Consultations in the period, any status, with an exemption."));

        String inPeriod = "Consultations in the period, any status, ";
        s.put("MONITOR.concernsRaised", Spec.having(is.concern("1 = 1"), inPeriod + "with a concern raised."));
        s.put("MONITOR.open", Spec.having(is.concern("k.answered_at IS NULL"), inPeriod + "with a concern not answered."));
        s.put("MONITOR.answered", Spec.having(is.concern("k.answered_at IS NOT NULL"), inPeriod + "with a concern answered."));
        s.put("MONITOR.answeredRate", Spec.rate(is.concern("1 = 1"), is.concern("k.answered_at IS NULL").not(),
                inPeriod + "with a concern raised.", "every concern answered"));
        s.put("MONITOR.medianDaysToAnswer", Spec.having(is.concern("k.answered_at IS NOT NULL"), inPeriod + "with a concern answered."));
        s.put("MONITOR.oldestOpenDays", Spec.having(is.concern("k.answered_at IS NULL"), inPeriod + "with a concern not answered."));
        for (ConcernKind kind : ConcernKind.values()) {
            s.put("MONITOR.raised" + ReportText.capitalised(kind.name()),
                    Spec.having(is.concern("k.kind = ?", kind.name()), inPeriod + "with a concern of kind " + kind.name() + "."));
        }
        return s;
    }
}
