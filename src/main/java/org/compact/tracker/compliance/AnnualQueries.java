package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The lists the annual report and the monthly letter add to the report's ({@link ListQueries}): the period's
 * consultations, the concerns about them, and the planned consultations whose notice deadline is near. Each is one
 * SQL statement capped at {@value ListQueries#LIMIT} rows and limited by {@link ReportConnection#where}, as every
 * query of the report is.
 */
final class AnnualQueries {
    private final ReportConnection db;

    AnnualQueries(ReportConnection db) {
        this.db = db;
    }

    /**
     * A consultation of the period, any status, with the day its feedback was recorded, its lead agency's name and
     * whether it is joint (has partner agencies).
     */
    record Row(long id, String title, long agencyId, String status, @Nullable LocalDate opensOn,
               @Nullable LocalDate closesOn, @Nullable LocalDate feedbackOn, String agencyName, boolean joint) {
    }

    /** A partner agency of a joint consultation of the period. */
    record PartnerRow(long consultationId, long agencyId, String agencyName) {
    }

    /** A concern about a consultation of the period. */
    record ConcernRow(long consultationId, String title, long agencyId, String kind, String text, Instant raisedAt,
                      LocalDate raisedOn, @Nullable LocalDate answeredOn, @Nullable String answer) {
    }

    /** A PLANNED consultation and the last day its notice may go out for it to open on its planned day. */
    record Planned(long id, String title, long agencyId, LocalDate opensOn) {
    }

    /** The period's consultations (any status), by planned open date. */
    List<Row> consultations() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, c.status, c.opens_on, c.closes_on, "
                + db.sql().localDate("f.recorded_at") + ", ag.name, " + ReportConnection.jointColumn("c")
                + " FROM consultation c JOIN agency ag ON ag.id = c.agency_id LEFT JOIN feedback f "
                + "ON f.consultation_id = c.id WHERE ");
        db.where(q, "c", false);
        q.add(" ORDER BY c.opens_on, c.id LIMIT " + ListQueries.LIMIT);
        return db.list(q, rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getString(8), rs.getInt(9) == 1));
    }

    /** The partner agencies of the period's joint consultations, in each one's order of partners. */
    List<PartnerRow> partners() throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, ag.id, ag.name FROM consultation c JOIN consultation_partner p "
                + "ON p.consultation_id = c.id JOIN agency ag ON ag.id = p.agency_id WHERE ");
        db.where(q, "c", false);
        q.add(" ORDER BY c.id, p.seq");
        return db.list(q, rs -> new PartnerRow(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    /**
     * The concerns about consultations of the period, oldest first: all of them, or only those still unanswered that
     * were raised before {@code openBefore}.
     */
    List<ConcernRow> concerns(@Nullable Instant openBefore) throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, k.kind, k.text, k.raised_at, "
                + db.sql().localDate("k.raised_at") + ", " + db.sql().localDate("k.answered_at") + ", k.answer "
                + "FROM consultation c JOIN concern k ON k.consultation_id = c.id WHERE ");
        if (openBefore != null) {
            q.add("k.answered_at IS NULL AND k.raised_at < ").p(java.time.OffsetDateTime.ofInstant(openBefore,
                    java.time.ZoneOffset.UTC)).add(" AND ");
        }
        db.where(q, "c", false);
        q.add(" ORDER BY k.raised_at, k.id LIMIT " + ListQueries.LIMIT);
        return db.list(q, rs -> new ConcernRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), ReportConnection.instant(rs, 6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getString(9)));
    }

    /**
     * PLANNED consultations of the period (notice not yet sent) whose planned open date is on or before
     * {@code opensBy}, soonest first.
     */
    List<Planned> plannedOpeningBy(LocalDate opensBy) throws SQLException {
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, c.opens_on FROM consultation c "
                + "WHERE c.status = 'PLANNED' AND c.notified_on IS NULL AND c.opens_on <= ").p(opensBy).add(" AND ");
        db.where(q, "c", false);
        q.add(" ORDER BY c.opens_on, c.id LIMIT " + ListQueries.LIMIT);
        return db.list(q, rs -> new Planned(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getObject(4, LocalDate.class)));
    }
}
