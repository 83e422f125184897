package org.compact.tracker.compliance;

import io.micronaut.context.annotation.Value;
import org.compact.tracker.support.Dates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.compact.tracker.rules.RuleSettings;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes compliance reports: checks who may see what (admins and monitors every agency, an officer their own), reads
 * the period, and runs the report's SQL aggregates on one connection, in one read-only repeatable-read transaction,
 * so that every figure of a report describes the same moment.
 */
@Singleton
public class ComplianceService {
    /** The longest period a report may cover. */
    public static final int MAX_YEARS = 10;

    private final DataSource pool;
    private final RuleSettings rules;
    private final Period feedbackDue;
    private final Clock clock;
    private final Sql sql;

    ComplianceService(DataSource dataSource, RuleSettings rules,
                      @Value("${tracker.rules.feedback.due:P12W}") String feedbackDue, Clock clock) {
        // The pool itself: the report manages its own read-only transaction, outside Micronaut's.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.rules = rules;
        this.feedbackDue = Period.parse(feedbackDue);
        this.clock = clock;
        this.sql = new Sql(clock.getZone());
    }

    /**
     * The scope an actor asks for. Admins and monitors may ask for any agency or for all; an officer gets their own
     * agency when they name none, and 403 when they name another. Bad dates, {@code to} before {@code from}, a
     * period over ten years and an unknown agency are refused with 422, naming the field.
     */
    public ReportScope scope(Actor actor, @Nullable String from, @Nullable String to, @Nullable String agency) {
        Long agencyId = parseAgency(agency);
        boolean seesAll = actor.roles().contains(Role.ADMIN) || actor.roles().contains(Role.MONITOR);
        if (!seesAll) {
            if (agencyId != null && !agencyId.equals(actor.agencyId())) {
                throw Refusal.forbidden("Officers see the compliance report of their own agency only.");
            }
            agencyId = actor.agencyId();
        }
        LocalDate[] period = period(from, to);
        String name = null;
        if (agencyId != null) {
            name = agencyName(agencyId);
            if (name == null) {
                throw Refusal.invalid("agency", "No agency with id " + agencyId + ".");
            }
        }
        return new ReportScope(period[0], period[1], agencyId, name, today());
    }

    /** The scope of the public summary: every agency. */
    public ReportScope publicScope(@Nullable String from, @Nullable String to) {
        LocalDate[] period = period(from, to);
        return new ReportScope(period[0], period[1], null, null, today());
    }

    /** The full report. */
    public ComplianceReport report(ReportScope scope) {
        return inSnapshot(connection -> new ReportBuilder(on(connection, scope), clock.instant()).report());
    }

    /** The full report with its summary per agency and its trends by quarter, as the page shows it. */
    public ComplianceOverview overview(ReportScope scope) {
        return inSnapshot(connection -> new ReportBuilder(on(connection, scope), clock.instant()).overview());
    }

    /** The public summary: rates per agency and rule, nothing else. */
    public PublicCompliance publicSummary(ReportScope scope) {
        return inSnapshot(connection -> new ReportBuilder(on(connection, scope), clock.instant()).publicSummary());
    }

    /**
     * The annual Compact monitoring report of {@code year} (a calendar year; the last whole year when none is named)
     * with the same access rules as the report: admins and monitors every agency or the one named, an officer their
     * own. A year that is not a number from 1901 to 2100 is refused with 422 naming {@code year}.
     */
    public AnnualReport annual(Actor actor, @Nullable String year, @Nullable String agency) {
        int y = parseYear(year);
        ReportScope thisYear = scope(actor, y + "-01-01", y + "-12-31", agency);
        ReportScope lastYear = new ReportScope(thisYear.from().minusYears(1), thisYear.to().minusYears(1),
                thisYear.agencyId(), thisYear.agencyName(), thisYear.today());
        return inSnapshot(connection -> {
            AnnualBuilder builder = new AnnualBuilder(connection, settings(), sql);
            List<ComplianceReport.AgencyRef> agencies = thisYear.agencyId() == null ? builder.agencies(thisYear)
                    : List.of(new ComplianceReport.AgencyRef(thisYear.agencyId(), thisYear.agencyName()));
            return builder.build(y, thisYear, lastYear, agencies, clock.instant());
        });
    }

    /** An agency's letter facts and its compliance contact; a monitor's address. */
    record Letters(List<AgencyLetter> agencies, List<Monitor> monitors) {
    }

    record AgencyLetter(LetterBuilder.Facts facts, @Nullable String contact) {
    }

    record Monitor(long id, String email) {
    }

    /**
     * What the monthly letters of {@code today}'s month say, per agency, read on one snapshot with the report's
     * queries; with each agency's compliance contact and every enabled monitor's address.
     */
    Letters letters(LocalDate today, java.time.Instant now) {
        return inSnapshot(connection -> {
            LetterBuilder builder = new LetterBuilder(connection, settings(), sql);
            List<AgencyLetter> agencies = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id, name, compliance_contact_email FROM agency ORDER BY name, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (Object[] row : rows) {
                var agency = new ComplianceReport.AgencyRef((Long) row[0], (String) row[1]);
                agencies.add(new AgencyLetter(builder.facts(agency, today, now), (String) row[2]));
            }
            List<Monitor> monitors = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT id, email, roles FROM app_user "
                    + "WHERE enabled ORDER BY id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (java.util.Arrays.asList(rs.getString(3).split(",")).stream().map(String::strip)
                            .anyMatch(Role.MONITOR.name()::equals)) {
                        monitors.add(new Monitor(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return new Letters(agencies, monitors);
        });
    }

    private int parseYear(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return today().getYear() - 1;
        }
        try {
            int y = Integer.parseInt(text.strip());
            if (y >= 1901 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid("year", "must be a year from 1901 to 2100, such as 2027 (got '" + text.strip() + "').");
    }

    /**
     * The consultations behind one figure of the report for this scope: {@code section} and {@code figure} as the
     * report names them (for example NOTICE and fullNoticeRate). Refused with 422, naming the field, for a section
     * or figure the report does not have, or a figure about no consultation (the directory's opt-outs).
     */
    public ComplianceDrill drillDown(ReportScope scope, @Nullable String section, @Nullable String figure) {
        String s = section == null ? "" : section.strip();
        String f = figure == null ? "" : figure.strip();
        List<String> groups = rules.excludedGroups();
        if (s.isEmpty() || DrillDown.figures(groups).stream().noneMatch(k -> k.startsWith(s + "."))) {
            throw Refusal.invalid("section", s.isEmpty() ? "name the section of the figure, for example NOTICE"
                    : "'" + s + "' is not a section whose figures list consultations");
        }
        if (!DrillDown.has(s, f, groups)) {
            throw Refusal.invalid("figure", f.isEmpty() ? "name the figure, for example fullNoticeRate"
                    : "'" + f + "' is not a figure of " + s + " that lists consultations");
        }
        return inSnapshot(connection -> new DrillDownQuery(on(connection, scope)).list(s, f));
    }

    /** Whether a figure of the report has a drill-down to the consultations behind it. */
    public boolean drillsDown(String section, String figure) {
        return DrillDown.has(section, figure, rules.excludedGroups());
    }

    ReportSettings settings() {
        return ReportSettings.of(rules, feedbackDue);
    }

    private ReportConnection on(Connection connection, ReportScope scope) {
        return new ReportConnection(connection, scope, settings(), sql);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * [from, to] from the query: {@code to} defaults to today (or to a year after {@code from} less a day when only
     * {@code from} is given), {@code from} to a year before {@code to} plus a day.
     */
    private LocalDate[] period(@Nullable String fromText, @Nullable String toText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = parseDate("from", fromText, errors);
        LocalDate to = parseDate("to", toText, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (to == null) {
            to = from == null ? today() : from.plusYears(1).minusDays(1);
        }
        if (from == null) {
            from = to.minusYears(1).plusDays(1);
        }
        if (to.isBefore(from)) {
            throw Refusal.invalid("to", "must not be before from (" + from + ").");
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw Refusal.invalid("to", "A report covers at most " + MAX_YEARS + " years: from " + from
                    + " the last day is " + from.plusYears(MAX_YEARS).minusDays(1) + ".");
        }
        return new LocalDate[] {from, to};
    }

    @Nullable
    private static LocalDate parseDate(String field, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a date yyyy-mm-dd, such as 2027-04-01 (got '" + text.strip()
                    + "')."));
            return null;
        }
    }

    @Nullable
    private static Long parseAgency(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("agency", "must be an agency id (a number).");
        }
    }

    @Nullable
    private String agencyName(long id) {
        return inSnapshot(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT name FROM agency WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Work on one connection in one read-only transaction that sees one snapshot. */
    private <T> T inSnapshot(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The compliance report could not be read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
