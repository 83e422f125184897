package org.compact.tracker.compliance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One report's way into the database: the connection of its snapshot, the scope every query is limited to, and the
 * settings and zone its conditions use. The queries ({@link CountQueries}, {@link ListQueries}, {@link DrillDown})
 * all place consultations in the period through {@link #where} and {@link #scan}, so that they agree on what the
 * period holds.
 */
final class ReportConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ReportConnection.class);

    private final Connection connection;
    private final ReportScope scope;
    private final ReportSettings settings;
    private final Sql sql;
    /** True when each consultation is read once for its lead and once for each partner agency ({@link #perParty}). */
    private final boolean perParty;

    ReportConnection(Connection connection, ReportScope scope, ReportSettings settings, Sql sql) {
        this(connection, scope, settings, sql, false);
    }

    private ReportConnection(Connection connection, ReportScope scope, ReportSettings settings, Sql sql,
                             boolean perParty) {
        this.connection = connection;
        this.scope = scope;
        this.settings = settings;
        this.sql = sql;
        this.perParty = perParty;
    }

    /**
     * The same connection and scope, reading each consultation once for its lead agency and once more for each
     * partner agency of a joint consultation: what the rows per agency count, so that a joint consultation is in
     * every one of its agencies' rows. Its {@code agency_id} (through {@link #agencyOf}) is then the agency the row
     * is read for; totals must not be added up from it, since a joint consultation is in it more than once.
     */
    ReportConnection perParty() {
        return new ReportConnection(connection, scope, settings, sql, true);
    }

    /**
     * Adds the FROM item of the consultations as {@code alias}: the table, or, {@link #perParty per agency}, the
     * consultations of the scope once for their lead and once for each partner, with {@code party_id} the agency.
     */
    BoundSql from(BoundSql q, String alias) {
        if (!perParty) {
            return q.add("consultation " + alias);
        }
        q.add("(SELECT x.*, x.agency_id AS party_id FROM consultation x WHERE ");
        where(q, "x", false);
        q.add(" UNION ALL SELECT x.*, jp.agency_id AS party_id FROM consultation x JOIN consultation_partner jp "
                + "ON jp.consultation_id = x.id WHERE ");
        where(q, "x", false);
        return q.add(") " + alias);
    }

    /** The agency a row of {@link #from} is counted for: its lead, or {@link #perParty per agency} its party. */
    String agencyOf(String alias) {
        return alias + (perParty ? ".party_id" : ".agency_id");
    }

    /** The same connection, settings and zone over another scope (in the same snapshot): a quarter of the trends. */
    ReportConnection within(ReportScope other) {
        return new ReportConnection(connection, other, settings, sql, perParty);
    }

    /** The same connection, settings and zone over another scope (in the same snapshot). */
    ReportConnection across(ReportScope other) {
        return new ReportConnection(connection, other, settings, sql, perParty);
    }

    ReportScope scope() {
        return scope;
    }

    ReportSettings settings() {
        return settings;
    }

    Sql sql() {
        return sql;
    }

    Criteria criteria() {
        return new Criteria(settings, sql, scope.today());
    }

    /** Reads one row of a result into a record. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Reads every row of a result as it comes. */
    @FunctionalInterface
    interface RowVisitor {
        void visit(ResultSet rs) throws SQLException;
    }

    <T> List<T> list(BoundSql q, RowReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        each(q, rs -> out.add(reader.read(rs)));
        return out;
    }

    void each(BoundSql q, RowVisitor visitor) throws SQLException {
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                visitor.visit(rs);
            }
        }
    }

    /** Runs a query, logging its time at DEBUG (org.compact.tracker.compliance). */
    private static ResultSet run(PreparedStatement statement, BoundSql q) throws SQLException {
        long start = System.nanoTime();
        ResultSet rs = statement.executeQuery();
        if (LOG.isDebugEnabled()) {
            String text = q.sql();
            LOG.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, text.length() > 160 ? text.substring(0, 160) : text);
        }
        return rs;
    }

    /** Runs a statement without the scope or the timing log (the directory's agencies). */
    <T> List<T> plain(String text, RowReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(text); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(reader.read(rs));
            }
        }
        return out;
    }

    /**
     * Adds the scope of the period (and agency, and counted consultations) on {@code alias}. An agency's scope holds
     * the consultations it leads and the joint ones it is a partner of ({@link #leadOrPartner}).
     */
    BoundSql where(BoundSql q, String alias, boolean counted) {
        q.add(alias + ".opens_on >= ").p(scope.from()).add(" AND " + alias + ".opens_on <= ").p(scope.to());
        if (scope.agencyId() != null) {
            q.add(" AND ");
            leadOrPartner(q, alias, scope.agencyId());
        }
        if (counted) {
            q.add(" AND " + alias + ".notified_on IS NOT NULL AND " + alias + ".status <> 'WITHDRAWN'");
        }
        return q;
    }

    /**
     * The condition "the consultation {@code alias} is led by agency {@code agencyId}, or is a joint consultation it
     * is a partner of" (table {@code consultation_partner}, V28): how every report, drill-down and the annual report
     * ask for an agency's consultations, so a joint consultation is counted for each of its agencies.
     */
    static BoundSql leadOrPartner(BoundSql q, String alias, long agencyId) {
        return q.add("(" + alias + ".agency_id = ").p(agencyId).add(" OR " + alias
                + ".id IN (SELECT jp.consultation_id FROM consultation_partner jp WHERE jp.agency_id = ").p(agencyId).add("))");
    }

    /** A column that is 1 for a joint consultation (one with partner agencies) {@code alias}, 0 otherwise. */
    static String jointColumn(String alias) {
        return "CASE WHEN EXISTS (SELECT 1 FROM consultation_partner jp WHERE jp.consultation_id = " + alias
                + ".id) THEN 1 ELSE 0 END";
    }

    /**
     * The period's consultations as {@link Criteria} reads them: {@code FROM} the consultations of the scope, as
     * {@code c} with {@code k} (1 when counted), {@code j} (1 when joint) and {@code aud} (audiences as codes),
     * left-joined with their {@code feedback f}. {@link #perParty Per agency}, {@code agency_id} is the agency the
     * row is read for.
     */
    BoundSql scan(BoundSql q) {
        q.add(" FROM (SELECT id, title, " + (perParty ? "party_id AS agency_id" : "agency_id") + ", status, opens_on, closes_on, notified_on, opened_on, decision_date, "
                + "decision_maker, open_to_change, fixed, prior_work_ids, prior_work_statement, methods, audiences, "
                + "UPPER(REPLACE(REPLACE(audiences, ' ', '_'), '-', '_')) AS aud, "
                + "CASE WHEN notified_on IS NOT NULL AND status <> 'WITHDRAWN' THEN 1 ELSE 0 END AS k, "
                + jointColumn("c") + " AS j FROM ");
        from(q, "c").add(" WHERE ");
        where(q, "c", false);
        return q.add(") c LEFT JOIN feedback f ON f.consultation_id = c.id");
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at.toInstant();
    }
}
