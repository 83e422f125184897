package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.consultation.ConsultationStatus;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's aggregates, each one SQL statement (COUNT, SUM of CASE, MIN, COUNT(DISTINCT), PERCENTILE_CONT, grouped
 * by agency) returning a record: the scan of the period's consultations, the exemptions, the notice lead times, the
 * actions, the concerns and the directory's opt-outs. Never a load of every consultation.
 */
final class CountQueries {
    private final ReportConnection db;

    CountQueries(ReportConnection db) {
        this.db = db;
    }

    /**
     * The scan of the period's consultations, per agency, and the distribution of the days feedback took.
     *
     * @param feedbackDays counted consultations with feedback given, by days from closesOn to the day it was recorded
     * @param jointCounted  counted joint consultations (with partner agencies), per agency
     */
    record Consultations(Map<Long, ConsultationCounts> perAgency, TreeMap<Integer, Long> feedbackDays,
                         Map<Long, Long> jointCounted) {
        ConsultationCounts ofAgency(long agencyId) {
            return perAgency.getOrDefault(agencyId, ConsultationCounts.NONE);
        }

        long jointOfAgency(long agencyId) {
            return jointCounted.getOrDefault(agencyId, 0L);
        }

        ConsultationCounts total() {
            return perAgency.values().stream().reduce(ConsultationCounts.NONE, ConsultationCounts::plus);
        }
    }

    /**
     * The consultations of the period, one scan, grouped by agency: statuses, and for counted consultations every
     * per-consultation rule test, with feedback joined in (exemptions are counted by {@link #exemptions}). Grouped
     * by the days feedback took too (null without feedback), so that the one scan also gives the distribution of
     * feedback days, from which the median is read.
     */
    Consultations consultations() throws SQLException {
        String days = "CASE WHEN c.k = 1 AND c.status = 'FEEDBACK_GIVEN' AND f.consultation_id IS NOT NULL THEN "
                + Sql.days(db.sql().localDate("f.recorded_at"), "c.closes_on") + " END";
        Criteria is = db.criteria();
        BoundSql q = new BoundSql().add("SELECT c.agency_id, " + days + " AS fb_days, COUNT(*) AS total");
        for (ConsultationStatus status : ConsultationStatus.values()) {
            sum(q, ConsultationCounts.statusColumn(status), is.status(status));
        }
        q.add(", SUM(c.k) AS counted");
        sum(q, "opened", is.opened());
        sum(q, "opened_short", is.openedShort());
        sum(q, "past_deadline", is.plannedPastNoticeDeadline());
        sum(q, "pw_related", is.priorWorkRelated());
        sum(q, "pw_statement", is.priorWorkStatementOnly());
        sum(q, "influence_met", is.influenceMet());
        sum(q, "influence_stated", is.influenceStated());
        sum(q, "duration_met", is.durationMet());
        sum(q, "methods_met", is.methodsMet());
        List<String> groups = db.settings().excludedGroups();
        for (int i = 0; i < groups.size(); i++) {
            sum(q, ConsultationCounts.groupColumn(i), is.counted().and(is.names(groups.get(i))));
        }
        sum(q, "inclusion_any", is.namesAnyGroup());
        sum(q, "fb_closed", is.feedbackClosed());
        sum(q, "fb_given", is.feedbackGiven());
        sum(q, "fb_on_time", is.feedbackOnTime());
        sum(q, "fb_overdue", is.feedbackOverdue());
        sum(q, "fb_not_yet_due", is.feedbackNotYetDue());
        sum(q, "fb_published", is.feedbackPublished());
        q.add(", SUM(c.k * c.j) AS joint_counted");
        db.scan(q);
        q.add(" GROUP BY c.agency_id, " + days);
        Map<Long, ConsultationCounts> perAgency = new HashMap<>();
        TreeMap<Integer, Long> feedbackDays = new TreeMap<>();
        Map<Long, Long> joint = new HashMap<>();
        db.each(q, rs -> {
            long agency = rs.getLong(1);
            int day = rs.getInt(2);
            boolean given = !rs.wasNull();
            ConsultationCounts row = ConsultationCounts.read(rs, groups);
            perAgency.merge(agency, row, ConsultationCounts::plus);
            joint.merge(agency, rs.getLong("joint_counted"), Long::sum);
            if (given) {
                feedbackDays.merge(day, row.total(), Long::sum);
            }
        });
        return new Consultations(perAgency, feedbackDays, joint);
    }

    private static void sum(BoundSql q, String name, Criteria.Cond condition) {
        q.add(", SUM(CASE WHEN ").cond(condition).add(" THEN 1 ELSE 0 END) AS " + name);
    }

    /** Exemptions per rule, over the exemption rows of consultations in the period. */
    ExemptionCounts exemptions() throws SQLException {
        ReportSettings settings = db.settings();
        String counted = "c.notified_on IS NOT NULL AND c.status <> 'WITHDRAWN'";
        String openedShort = "c.opened_on IS NOT NULL AND " + db.criteria().openedShortOfNotice();
        String durationMet = "c.opens_on IS NOT NULL AND c.closes_on IS NOT NULL AND "
                + Sql.plus("c.opens_on", settings.minimumDuration()) + " <= " + Sql.plus("c.closes_on", Period.ofDays(1));
        BoundSql q = new BoundSql().add("SELECT e.rule_id, COUNT(*) AS exemptions, COUNT(DISTINCT e.consultation_id) AS consultations, "
                + "COUNT(DISTINCT CASE WHEN " + counted + " THEN c.id END) AS counted, "
                + "COUNT(DISTINCT CASE WHEN " + counted + " AND ((e.rule_id = 'NOTICE' AND " + openedShort + ") OR "
                + "(e.rule_id = 'DURATION' AND NOT (" + durationMet + "))) THEN c.id END) AS short "
                + "FROM consultation c JOIN consultation_exemption e ON e.consultation_id = c.id WHERE ");
        db.where(q, "c", false);
        q.add(" GROUP BY e.rule_id");
        Map<String, ExemptionCounts.PerRule> byRule = new HashMap<>();
        db.each(q, rs -> byRule.put(rs.getString(1),
                new ExemptionCounts.PerRule(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return new ExemptionCounts(byRule);
    }

    /**
     * The notice lead times: every NOTICE delivery of a counted consultation joined with its outbox row, first
     * grouped per (consultation, organisation) to the earliest acceptance, then counted per (agency, lead days,
     * full month or not). This is the report's heaviest query, and it runs once.
     */
    LeadTimes leadTimes() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT q.agency_id, q.lead, q.full_notice, COUNT(*) AS organisations FROM (SELECT p.agency_id, "
                + Sql.days("p.opens_on", "p.sent_on") + " AS lead, CASE WHEN p.sent_on IS NULL THEN NULL WHEN "
                + Sql.plus("p.sent_on", db.settings().notice()) + " <= p.opens_on THEN 1 ELSE 0 END AS full_notice "
                + "FROM (SELECT " + db.agencyOf("c") + " AS agency_id, c.opens_on, " + db.sql().localDate("MIN(o.sent_at)")
                + " AS sent_on FROM ");
        db.from(q, "c").add(" JOIN delivery d ON d.consultation_id = c.id AND d.kind = 'NOTICE' "
                + "LEFT JOIN outbox_message o ON o.message_id = d.message_id WHERE ");
        db.where(q, "c", true);
        q.add(" GROUP BY " + db.agencyOf("c") + ", c.opens_on, d.consultation_id, d.organisation_id) p) q "
                + "GROUP BY q.agency_id, q.lead, q.full_notice");
        return new LeadTimes(db.list(q, rs -> {
            long agency = rs.getLong(1);
            int lead = rs.getInt(2);
            Integer leadOrNull = rs.wasNull() ? null : lead;
            int full = rs.getInt(3);
            Boolean fullOrNull = rs.wasNull() ? null : full == 1;
            return new LeadTimes.Bucket(agency, leadOrNull, fullOrNull, rs.getLong(4));
        }));
    }

    /** The actions promised in the feedback of counted consultations, by agency. */
    Map<Long, ActionCounts> actions() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT " + db.agencyOf("c") + ", COUNT(*) AS promised");
        sum(q, "done", "a.done_on IS NOT NULL");
        sum(q, "done_on_time", "a.done_on IS NOT NULL AND a.done_on <= a.due");
        sum(q, "open", "a.done_on IS NULL");
        q.add(", SUM(CASE WHEN a.done_on IS NULL AND a.due < ").p(db.scope().today()).add(" THEN 1 ELSE 0 END) AS overdue");
        q.add(" FROM ");
        db.from(q, "c").add(" JOIN feedback_action a ON a.consultation_id = c.id WHERE ");
        db.where(q, "c", true);
        q.add(" GROUP BY " + db.agencyOf("c"));
        Map<Long, ActionCounts> out = new HashMap<>();
        try {
            db.each(q, rs -> out.put(rs.getLong(1), new ActionCounts(rs.getLong("promised"), rs.getLong("done"),
                    rs.getLong("done_on_time"), rs.getLong("open"), rs.getLong("overdue"))));
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + " in " + q.sql(), e.getSQLState(), e);
        }
        return out;
    }

    private static void sum(BoundSql q, String name, String condition) {
        q.add(", SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END) AS " + name);
    }

    /** The concerns about consultations in the period (any status): per agency, per kind, and the oldest open. */
    ConcernCounts concerns() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT " + db.agencyOf("c") + ", k.kind, COUNT(*) AS raised, "
                + "SUM(CASE WHEN k.answered_at IS NULL THEN 1 ELSE 0 END) AS open, "
                + "MIN(CASE WHEN k.answered_at IS NULL THEN " + db.sql().localDate("k.raised_at") + " END) AS oldest_open "
                + "FROM ");
        db.from(q, "c").add(" JOIN concern k ON k.consultation_id = c.id WHERE ");
        db.where(q, "c", false);
        q.add(" GROUP BY " + db.agencyOf("c") + ", k.kind ORDER BY k.kind");
        Map<Long, ConcernCounts.Tally> perAgency = new HashMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        LocalDate[] oldest = {null};
        db.each(q, rs -> {
            perAgency.merge(rs.getLong(1), new ConcernCounts.Tally(rs.getLong(3), rs.getLong(4)), ConcernCounts.Tally::plus);
            kinds.merge(rs.getString(2), rs.getLong(3), Long::sum);
            LocalDate day = rs.getObject(5, LocalDate.class);
            if (day != null && (oldest[0] == null || day.isBefore(oldest[0]))) {
                oldest[0] = day;
            }
        });
        return new ConcernCounts(perAgency, kinds, oldest[0]);
    }

    /** The median over answered concerns of the days from raised to answered; absent when none was answered. */
    @Nullable
    Double medianDaysToAnswer() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                + Sql.days(db.sql().localDate("k.answered_at"), db.sql().localDate("k.raised_at")) + ") FROM consultation c "
                + "JOIN concern k ON k.consultation_id = c.id WHERE k.answered_at IS NOT NULL AND ");
        db.where(q, "c", false);
        List<Double> found = db.list(q, rs -> {
            double v = rs.getDouble(1);
            return rs.wasNull() ? null : v;
        });
        return found.isEmpty() ? null : found.get(0);
    }

    /** The directory's opt-outs as they are on the report day. */
    DirectoryOptOuts optOuts() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT COUNT(*) AS organisations, "
                + "SUM(CASE WHEN opt_out_all THEN 1 ELSE 0 END) AS opted_out_all, "
                + "SUM(CASE WHEN NOT opt_out_all AND opt_out_themes <> '[]' THEN 1 ELSE 0 END) AS opted_out_themes, "
                + "(SELECT COUNT(*) FROM contact_opt_out) AS unsubscribed FROM organisation");
        return db.list(q, rs -> new DirectoryOptOuts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).get(0);
    }

    /** The agencies reported on, by name: the scope's one, or every agency. */
    List<AgencyRef> agencies() throws SQLException {
        ReportScope scope = db.scope();
        if (scope.agencyId() != null) {
            return List.of(new AgencyRef(scope.agencyId(), scope.agencyName()));
        }
        return db.plain("SELECT id, name FROM agency ORDER BY name, id", rs -> new AgencyRef(rs.getLong(1), rs.getString(2)));
    }
}
