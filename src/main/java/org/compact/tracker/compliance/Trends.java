package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceOverview.QuarterRates;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trends of the report's page: the headline rate of each rule in each of the last eight calendar quarters (the
 * quarter holding the report day and the seven before it), for the report's agency or for all. Each quarter runs the
 * report's own aggregates ({@link CountQueries}: the consultations' scan, the notice lead times, the actions and the
 * concerns) over the consultations whose open date falls in it, on the report's connection and snapshot.
 */
final class Trends {
    /** How many quarters the trends cover: two years. */
    static final int QUARTERS = 8;

    private Trends() {
    }

    static List<QuarterRates> of(ReportConnection db) throws SQLException {
        ReportScope scope = db.scope();
        List<QuarterRates> out = new ArrayList<>();
        for (LocalDate from : starts(scope.today())) {
            LocalDate to = from.plusMonths(3).minusDays(1);
            ReportConnection quarter = db.within(new ReportScope(from, to, scope.agencyId(), scope.agencyName(),
                    scope.today()));
            CountQueries counts = new CountQueries(quarter);
            ConsultationCounts c = counts.consultations().total();
            LeadTimes leads = counts.leadTimes();
            ActionCounts actions = counts.actions().values().stream().reduce(ActionCounts.NONE, ActionCounts::plus);
            ConcernCounts.Tally concerns = counts.concerns().total();
            out.add(new QuarterRates(from, to, label(from), c.counted(),
                    RatesByAgency.rates(c, leads, actions, concerns)));
        }
        return out;
    }

    /** The first days of the eight quarters up to the one holding {@code today}, oldest first. */
    static List<LocalDate> starts(LocalDate today) {
        LocalDate current = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        List<LocalDate> starts = new ArrayList<>();
        for (int i = QUARTERS - 1; i >= 0; i--) {
            starts.add(current.minusMonths(3L * i));
        }
        return starts;
    }

    /** "Jan–Mar 2027". */
    static String label(LocalDate from) {
        return from.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + "–"
                + from.plusMonths(2).getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + from.getYear();
    }
}
