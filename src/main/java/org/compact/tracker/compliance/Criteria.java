package org.compact.tracker.compliance;

import org.compact.tracker.consultation.ConsultationStatus;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The per-consultation tests behind the report's figures, as SQL conditions over the report's scan of the period's
 * consultations: the alias {@code c} with the column {@code k} (1 for a counted consultation) and {@code aud} (the
 * audiences upper-cased, spaces and hyphens as {@code _}), left-joined with its {@code feedback f}. The report sums
 * them ({@link CountQueries}) and the drill-down lists the consultations that meet them ({@link DrillDown}), so a
 * figure and the consultations behind it cannot drift apart.
 */
final class Criteria {
    /** A condition and the values of its {@code ?}, in order. */
    record Cond(String sql, List<Object> params) {
        static Cond of(String sql, Object... params) {
            return new Cond(sql, List.of(params));
        }

        Cond and(Cond other) {
            return new Cond("(" + sql + ") AND (" + other.sql + ")", concat(params, other.params));
        }

        Cond or(Cond other) {
            return new Cond("(" + sql + ") OR (" + other.sql + ")", concat(params, other.params));
        }

        Cond not() {
            return new Cond("NOT (" + sql + ")", params);
        }

        private static List<Object> concat(List<Object> a, List<Object> b) {
            List<Object> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    private final ReportSettings settings;
    private final Sql sql;
    private final LocalDate today;

    Criteria(ReportSettings settings, Sql sql, LocalDate today) {
        this.settings = settings;
        this.sql = sql;
        this.today = today;
    }

    /** The socially excluded groups of the setting, in its order. */
    List<String> groups() {
        return settings.excludedGroups();
    }

    Cond counted() {
        return Cond.of("c.k = 1");
    }

    Cond status(ConsultationStatus status) {
        return Cond.of("c.status = '" + status.name() + "'");
    }

    Cond opened() {
        return Cond.of("c.k = 1 AND c.opened_on IS NOT NULL");
    }

    Cond openedShort() {
        return opened().and(Cond.of(openedShortOfNotice()));
    }

    /**
     * A consultation {@code c} (with {@code opened_on}) that opened short of notice, as the NOTICE rule counts it
     * from each organisation's receipt: some organisation sent a NOTICE delivery had no acceptance (outbox
     * {@code sent_at}) whose day plus the notice period is on or before the day it opened, that is its receipt
     * plus the period is after that day, or it never received the notice. When no organisation was sent a notice,
     * the period counts from {@code notified_on}, as the rule counts it. An organisation's receipt passes exactly
     * when one of its acceptances does (a day plus the period never goes down as the day goes up), so no GROUP BY
     * over a correlated subquery is needed. No parameters: also used over {@code consultation c} itself.
     */
    String openedShortOfNotice() {
        return "(EXISTS (SELECT 1 FROM delivery d WHERE d.consultation_id = c.id AND d.kind = 'NOTICE' AND NOT EXISTS ("
                + accepted("d2", "o2", "d2.organisation_id = d.organisation_id AND "
                + Sql.plus(sql.localDate("o2.sent_at"), settings.notice()) + " <= c.opened_on") + ")) OR (NOT "
                + noticeSent().sql() + " AND c.opened_on < " + Sql.plus("c.notified_on", settings.notice()) + "))";
    }

    Cond plannedPastNoticeDeadline() {
        return Cond.of("c.status = 'PLANNED' AND c.opens_on < ?", today.plus(settings.notice()));
    }

    Cond priorWorkRelated() {
        return Cond.of("c.k = 1 AND c.prior_work_ids <> '[]'");
    }

    Cond priorWorkStatementOnly() {
        return Cond.of("c.k = 1 AND c.prior_work_ids = '[]' AND TRIM(COALESCE(c.prior_work_statement, '')) <> ''");
    }

    Cond influenceMet() {
        return Cond.of("c.k = 1 AND c.decision_date IS NOT NULL AND c.closes_on IS NOT NULL AND c.decision_date > "
                + Sql.plus("c.closes_on", settings.analysis()));
    }

    Cond influenceStated() {
        return Cond.of("c.k = 1 AND TRIM(COALESCE(c.open_to_change, '')) <> '' "
                + "AND TRIM(COALESCE(c.fixed, '')) <> '' AND TRIM(COALESCE(c.decision_maker, '')) <> ''");
    }

    /** Open at least the minimum duration, on the planned dates (not limited to counted consultations). */
    Cond durationMetAnyStatus() {
        return Cond.of("c.opens_on IS NOT NULL AND c.closes_on IS NOT NULL AND "
                + Sql.plus("c.opens_on", settings.minimumDuration()) + " <= " + Sql.plus("c.closes_on", Period.ofDays(1)));
    }

    Cond durationMet() {
        return counted().and(durationMetAnyStatus());
    }

    Cond methodsMet() {
        return Cond.of("c.k = 1 AND c.methods <> '[]' AND c.audiences <> '[]'");
    }

    /**
     * Naming the group (an audience code of the setting {@code tracker.rules.excluded-groups}) as an audience. The
     * code is a parameter, its {@code _}, {@code %} and {@code \\} escaped, since a council writes its own.
     */
    Cond names(String group) {
        String literal = group.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
        return Cond.of("c.aud LIKE ? ESCAPE '\\'", "%\"" + literal + "\"%");
    }

    /** Naming at least one of the setting's groups (none when the setting lists none). */
    Cond namesAnyGroup() {
        Cond any = Cond.of("1 = 0");
        for (String group : settings.excludedGroups()) {
            any = any.or(names(group));
        }
        return counted().and(any);
    }

    Cond feedbackClosed() {
        return Cond.of("c.k = 1 AND c.status IN ('CLOSED', 'FEEDBACK_GIVEN')");
    }

    Cond feedbackGiven() {
        return Cond.of("c.k = 1 AND c.status = 'FEEDBACK_GIVEN'");
    }

    Cond feedbackOnTime() {
        return feedbackGiven().and(Cond.of("f.consultation_id IS NOT NULL AND " + sql.localDate("f.recorded_at")
                + " <= " + feedbackDue()));
    }

    /** Feedback given with its recording day known: the days after closing are counted over these. */
    Cond feedbackRecorded() {
        return feedbackGiven().and(Cond.of("f.consultation_id IS NOT NULL"));
    }

    Cond feedbackOverdue() {
        return Cond.of("c.k = 1 AND c.status = 'CLOSED' AND c.closes_on IS NOT NULL AND " + feedbackDue() + " < ?", today);
    }

    Cond feedbackNotYetDue() {
        return Cond.of("c.k = 1 AND c.status = 'CLOSED' AND (c.closes_on IS NULL OR " + feedbackDue() + " >= ?)", today);
    }

    Cond feedbackPublished() {
        return feedbackGiven().and(Cond.of("f.report_url IS NOT NULL"));
    }

    private String feedbackDue() {
        return Sql.plus("c.closes_on", settings.feedbackDue());
    }

    // ---------------------------------------------------------------- tests of what hangs off a consultation

    /** With an exemption of {@code rule} (any exemption when null). */
    Cond exempted(String rule) {
        return rule == null ? Cond.of("EXISTS (SELECT 1 FROM consultation_exemption e WHERE e.consultation_id = c.id)")
                : Cond.of("EXISTS (SELECT 1 FROM consultation_exemption e WHERE e.consultation_id = c.id AND e.rule_id = ?)", rule);
    }

    /** Sent a NOTICE delivery to at least one organisation. */
    Cond noticeSent() {
        return Cond.of("EXISTS (SELECT 1 FROM delivery d WHERE d.consultation_id = c.id AND d.kind = 'NOTICE')");
    }

    /** A NOTICE delivery {@code d} of this consultation, accepted by the mail server (outbox {@code o}), meeting {@code test}. */
    private String accepted(String d, String o, String test) {
        return "SELECT 1 FROM delivery " + d + " JOIN outbox_message " + o + " ON " + o + ".message_id = " + d
                + ".message_id WHERE " + d + ".consultation_id = c.id AND " + d + ".kind = 'NOTICE' AND " + o
                + ".sent_at IS NOT NULL" + (test.isEmpty() ? "" : " AND " + test);
    }

    /** The notice accepted on this day gives the full period before the open date. */
    private String fullFrom(String o) {
        return Sql.plus(sql.localDate(o + ".sent_at"), settings.notice()) + " <= c.opens_on";
    }

    // An organisation's first acceptance is the earliest of its notices; a day plus the notice period never goes
    // down as the day goes up, so "the first acceptance gave the full period" is "some acceptance gave it". These
    // tests need no GROUP BY over a correlated subquery, which H2 does not run.

    Cond organisationReached() {
        return Cond.of("EXISTS (" + accepted("d", "o", "") + ")");
    }

    Cond organisationNotYetReached() {
        return Cond.of("EXISTS (SELECT 1 FROM delivery d WHERE d.consultation_id = c.id AND d.kind = 'NOTICE' AND NOT "
                + "EXISTS (" + accepted("d2", "o2", "d2.organisation_id = d.organisation_id") + "))");
    }

    Cond organisationWithFullNotice() {
        return Cond.of("EXISTS (" + accepted("d", "o", fullFrom("o")) + ")");
    }

    Cond organisationWithShortNotice() {
        return Cond.of("EXISTS (" + accepted("d", "o", "NOT EXISTS (" + accepted("d2", "o2",
                "d2.organisation_id = d.organisation_id AND " + fullFrom("o2")) + ")") + ")");
    }

    /** With a promised action meeting {@code test} (over {@code a}, the feedback_action). */
    Cond action(String test, Object... params) {
        return Cond.of("EXISTS (SELECT 1 FROM feedback_action a WHERE a.consultation_id = c.id AND " + test + ")", params);
    }

    Cond actionOverdue() {
        return action("a.done_on IS NULL AND a.due < ?", today);
    }

    /** With a concern meeting {@code test} (over {@code k}, the concern). */
    Cond concern(String test, Object... params) {
        return Cond.of("EXISTS (SELECT 1 FROM concern k WHERE k.consultation_id = c.id AND " + test + ")", params);
    }
}
