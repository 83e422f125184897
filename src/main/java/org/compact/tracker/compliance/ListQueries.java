package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.rules.RuleId;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's lists, each one SQL statement capped at {@value #LIMIT} rows and returning records: the
 * consultations behind a shortfall (opened early, open too briefly, feedback overdue), the overdue actions, the
 * exemptions with their reasons, and the most-consulted organisations.
 */
final class ListQueries {
    static final int LIMIT = 500;
    static final int TOP_ORGANISATIONS = 10;

    private final ReportConnection db;

    ListQueries(ReportConnection db) {
        this.db = db;
    }

    /**
     * A counted consultation that opened short of notice, counted from each organisation's receipt.
     *
     * @param lastReceivedOn     the day the last organisation sent a notice received it; null when one never did,
     *                           or when notice was sent to none
     * @param fullNoticeFrom     the first day every organisation had had the full period from its receipt
     *                           ({@code notifiedOn} + the period when notice was sent to none); null while one has
     *                           not received it
     * @param organisationsShort organisations that had not had the full period from their receipt on the day it
     *                           opened, those that never received it included
     */
    record OpenedEarly(long consultationId, String title, long agencyId, LocalDate notifiedOn, LocalDate openedOn,
                       @Nullable LocalDate lastReceivedOn, @Nullable LocalDate fullNoticeFrom, int organisationsShort) {
    }

    /** A counted consultation open for less than the minimum (planned dates; either may be missing). */
    record OpenTooBriefly(long consultationId, String title, long agencyId, LocalDate opensOn, LocalDate closesOn) {
    }

    /** A counted consultation CLOSED without feedback after its due day. */
    record FeedbackOverdue(long consultationId, String title, long agencyId, LocalDate closesOn) {
    }

    /** A promised action not done by its due day. */
    record ActionOverdue(long consultationId, String title, long agencyId, long actionId, String what, String owner,
                         LocalDate due) {
    }

    /** An exemption of a consultation in the period. */
    record Exemption(String ruleId, long consultationId, String title, long agencyId, String reason, String recordedBy,
                     Instant recordedAt) {
    }

    /** The written reason of an exemption, who recorded it and the day they did (in the service's zone). */
    record Reason(String reason, String recordedBy, LocalDate recordedOn) {
    }

    /** An organisation among the most consulted: NOTICE deliveries it was sent, and how many consultations. */
    record BusyOrganisation(long organisationId, String name, long notices, long consultations) {
    }

    /** The most-consulted organisations, and how many organisations were sent notice at all. */
    record MostConsulted(long organisationsAsked, List<BusyOrganisation> top) {
    }

    List<OpenedEarly> openedWithoutFullNotice() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, c.notified_on, c.opened_on, c.opens_on FROM consultation c "
                + "WHERE c.opened_on IS NOT NULL AND " + db.criteria().openedShortOfNotice() + " AND ");
        db.where(q, "c", true);
        q.add(" ORDER BY c.opened_on, c.id LIMIT " + LIMIT);
        record Opened(long id, String title, long agencyId, LocalDate notifiedOn, LocalDate openedOn) {
        }
        List<Opened> opened = db.list(q, rs -> new Opened(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
        Map<Long, List<Optional<LocalDate>>> receipts = receipts(opened.stream().map(Opened::id).toList());
        Period notice = db.settings().notice();
        return opened.stream().map(o -> {
            List<Optional<LocalDate>> days = receipts.getOrDefault(o.id(), List.of());
            if (days.isEmpty()) {
                return new OpenedEarly(o.id(), o.title(), o.agencyId(), o.notifiedOn(), o.openedOn(), null,
                        o.notifiedOn().plus(notice), 0);
            }
            int organisationsShort = (int) days.stream()
                    .filter(d -> d.isEmpty() || d.get().plus(notice).isAfter(o.openedOn())).count();
            LocalDate last = days.stream().anyMatch(Optional::isEmpty) ? null
                    : days.stream().map(Optional::get).max(Comparator.naturalOrder()).orElseThrow();
            return new OpenedEarly(o.id(), o.title(), o.agencyId(), o.notifiedOn(), o.openedOn(), last,
                    last == null ? null : last.plus(notice), organisationsShort);
        }).toList();
    }

    /**
     * Each organisation's receipt of these consultations' notices, in one statement: by consultation, one entry per
     * organisation sent a NOTICE delivery, the day (in the service's zone) of the earliest acceptance of any of its
     * notices (outbox {@code sent_at}), empty when none was accepted.
     */
    private Map<Long, List<Optional<LocalDate>>> receipts(List<Long> consultationIds) throws SQLException {
        Map<Long, List<Optional<LocalDate>>> out = new HashMap<>();
        if (consultationIds.isEmpty()) {
            return out;
        }
        BoundSql q = new BoundSql().add("SELECT d.consultation_id, d.organisation_id, "
                + db.sql().localDate("MIN(o.sent_at)") + " FROM delivery d LEFT JOIN outbox_message o "
                + "ON o.message_id = d.message_id WHERE d.kind = 'NOTICE' AND d.consultation_id IN (");
        for (int i = 0; i < consultationIds.size(); i++) {
            q.add(i == 0 ? "" : ", ").p(consultationIds.get(i));
        }
        q.add(") GROUP BY d.consultation_id, d.organisation_id");
        db.each(q, rs -> out.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                .add(Optional.ofNullable(rs.getObject(3, LocalDate.class))));
        return out;
    }

    List<OpenTooBriefly> shorterThanMinimum() throws SQLException {
        String met = "c.opens_on IS NOT NULL AND c.closes_on IS NOT NULL AND "
                + Sql.plus("c.opens_on", db.settings().minimumDuration()) + " <= " + Sql.plus("c.closes_on", Period.ofDays(1));
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, c.opens_on, c.closes_on FROM consultation c WHERE NOT ("
                + met + ") AND ");
        db.where(q, "c", true);
        q.add(" ORDER BY c.opens_on, c.id LIMIT " + LIMIT);
        return db.list(q, rs -> new OpenTooBriefly(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
    }

    List<FeedbackOverdue> overdueFeedback() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, c.closes_on FROM consultation c WHERE c.status = 'CLOSED' "
                + "AND c.closes_on IS NOT NULL AND " + Sql.plus("c.closes_on", db.settings().feedbackDue()) + " < ")
                .p(db.scope().today()).add(" AND ");
        db.where(q, "c", true);
        q.add(" ORDER BY c.closes_on, c.id LIMIT " + LIMIT);
        return db.list(q, rs -> new FeedbackOverdue(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getObject(4, LocalDate.class)));
    }

    List<ActionOverdue> overdueActions() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, a.id, a.what, a.owner, a.due FROM consultation c "
                + "JOIN feedback_action a ON a.consultation_id = c.id WHERE a.done_on IS NULL AND a.due < ")
                .p(db.scope().today()).add(" AND ");
        db.where(q, "c", true);
        q.add(" ORDER BY a.due, a.id LIMIT " + LIMIT);
        return db.list(q, rs -> new ActionOverdue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)));
    }

    /** Every exemption of a consultation in the period (any status), oldest first. */
    List<Exemption> exemptions() throws SQLException {
        BoundSql list = new BoundSql().add("SELECT e.rule_id, c.id, c.title, c.agency_id, e.reason, e.recorded_by, e.recorded_at "
                + "FROM consultation c JOIN consultation_exemption e ON e.consultation_id = c.id WHERE ");
        db.where(list, "c", false);
        list.add(" ORDER BY e.recorded_at, e.id LIMIT " + LIMIT);
        return db.list(list, rs -> new Exemption(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), ReportConnection.instant(rs, 7)));
    }

    /** The reasons of the {@code rule} exemptions of these consultations, oldest first, by consultation. */
    Map<Long, List<Reason>> reasons(RuleId rule, List<Long> consultationIds) throws SQLException {
        Map<Long, List<Reason>> reasons = new HashMap<>();
        if (consultationIds.isEmpty()) {
            return reasons;
        }
        BoundSql q = new BoundSql().add("SELECT e.consultation_id, e.reason, e.recorded_by, e.recorded_at FROM consultation_exemption e "
                + "WHERE e.rule_id = ").p(rule.name()).add(" AND e.consultation_id IN (");
        for (int i = 0; i < consultationIds.size(); i++) {
            q.add(i == 0 ? "" : ", ").p(consultationIds.get(i));
        }
        q.add(") ORDER BY e.recorded_at, e.id");
        ZoneId zone = ZoneId.of(db.sql().zone());
        db.each(q, rs -> reasons.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>()).add(new Reason(
                rs.getString(2), rs.getString(3), ReportConnection.instant(rs, 4).atZone(zone).toLocalDate())));
        return reasons;
    }

    /**
     * The most-consulted organisations: NOTICE deliveries of counted consultations per organisation (one GROUP BY
     * over the organisation alone, the top ten kept), then, for those ten only, how many consultations that was.
     */
    MostConsulted mostConsulted() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT t.organisation_id, o.name, t.notices, t.organisations FROM (SELECT d.organisation_id, "
                + "COUNT(*) AS notices, COUNT(*) OVER () AS organisations FROM consultation c "
                + "JOIN delivery d ON d.consultation_id = c.id AND d.kind = 'NOTICE' WHERE ");
        db.where(q, "c", true);
        q.add(" GROUP BY d.organisation_id ORDER BY notices DESC, d.organisation_id LIMIT " + TOP_ORGANISATIONS
                + ") t JOIN organisation o ON o.id = t.organisation_id ORDER BY t.notices DESC, t.organisation_id");
        record Top(long organisationId, String name, long notices, long organisations) {
        }
        List<Top> top = db.list(q, rs -> new Top(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        if (top.isEmpty()) {
            return new MostConsulted(0, List.of());
        }
        BoundSql each = new BoundSql().add("SELECT d.organisation_id, COUNT(DISTINCT d.consultation_id) FROM delivery d "
                + "JOIN consultation c ON c.id = d.consultation_id WHERE d.kind = 'NOTICE' AND d.organisation_id IN (");
        for (int i = 0; i < top.size(); i++) {
            each.add(i == 0 ? "" : ", ").p(top.get(i).organisationId());
        }
        each.add(") AND ");
        db.where(each, "c", true);
        each.add(" GROUP BY d.organisation_id");
        Map<Long, Long> consultations = new HashMap<>();
        db.each(each, rs -> consultations.put(rs.getLong(1), rs.getLong(2)));
        return new MostConsulted(top.get(top.size() - 1).organisations(), top.stream().map(t -> new BusyOrganisation(
                t.organisationId(), t.name(), t.notices(), consultations.getOrDefault(t.organisationId(), 0L))).toList());
    }
}
