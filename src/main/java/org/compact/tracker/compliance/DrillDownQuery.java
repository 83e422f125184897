package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.compliance.DrillDown.Spec;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Lists the consultations behind one figure: those meeting the figure's {@link Spec} over the report's own scan of
 * the period ({@link ReportConnection#scan}), how many there are, and the first {@value #LIMIT} by open date.
 */
final class DrillDownQuery {
    static final int LIMIT = 500;

    private final ReportConnection db;

    DrillDownQuery(ReportConnection db) {
        this.db = db;
    }

    /** The consultations behind {@code section.figure}, which must be one of {@link DrillDown#figures}. */
    ComplianceDrill list(String section, String figure) throws SQLException {
        Spec spec = DrillDown.specs(db.criteria()).get(section + "." + figure);
        if (spec == null) {
            throw new IllegalArgumentException(section + "." + figure);
        }
        BoundSql count = new BoundSql().add("SELECT COUNT(*)");
        db.scan(count).add(" WHERE ").cond(spec.base());
        long total = db.list(count, rs -> rs.getLong(1)).get(0);
        BoundSql q = new BoundSql().add("SELECT c.id, c.title, c.agency_id, ag.name, c.status, c.opens_on, c.closes_on, ");
        if (spec.met() == null) {
            q.add("NULL");
        } else {
            q.add("CASE WHEN ").cond(spec.met()).add(" THEN 1 ELSE 0 END");
        }
        q.add(", " + ReportConnection.jointColumn("c"));
        db.scan(q).add(" JOIN agency ag ON ag.id = c.agency_id WHERE ").cond(spec.base())
                .add(" ORDER BY c.opens_on, c.id LIMIT " + LIMIT);
        List<ComplianceDrill.Row> rows = db.list(q, rs -> {
            int met = rs.getInt(8);
            Boolean metOrNull = rs.wasNull() ? null : met == 1;
            return new ComplianceDrill.Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), metOrNull,
                    rs.getInt(9) == 1);
        });
        ReportScope scope = db.scope();
        return new ComplianceDrill(scope.period(), scope.agencyId() == null ? null
                : new AgencyRef(scope.agencyId(), scope.agencyName()), scope.today(), section, figure, spec.listed(),
                spec.metText(), total, LIMIT, spec.countsSame(), rows);
    }
}
