package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.support.Wording;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the monthly letter tells about one agency (or every agency), read with the report's own queries
 * ({@link ListQueries}, {@link AnnualQueries}) on one snapshot: what broke a rule last month, feedback late or due this
 * month, concerns open over 14 days, and planned consultations close to their notice deadline.
 */
final class LetterBuilder {
    /** Concerns open longer than this many days are listed. */
    static final int CONCERN_DAYS = 14;
    /** Planned consultations whose notice deadline is within this many days (or past) are listed. */
    static final int DEADLINE_DAYS = 14;

    /** One line of the letter, about one consultation. */
    record Item(long consultationId, String text) {
    }

    /** The letter's four lists for one agency, or for every agency when {@code agency} is null. */
    record Facts(AgencyRef agency, List<Item> broke, List<Item> feedback, List<Item> concerns, List<Item> planned) {
        boolean isEmpty() {
            return broke.isEmpty() && feedback.isEmpty() && concerns.isEmpty() && planned.isEmpty();
        }
    }

    private final Connection connection;
    private final ReportSettings settings;
    private final Sql sql;

    LetterBuilder(Connection connection, ReportSettings settings, Sql sql) {
        this.connection = connection;
        this.settings = settings;
        this.sql = sql;
    }

    Facts facts(AgencyRef agency, LocalDate today, Instant now) throws SQLException {
        YearMonth month = YearMonth.from(today);
        YearMonth last = month.minusMonths(1);
        ReportConnection lastMonth = on(last.atDay(1), last.atEndOfMonth(), agency, today);
        ReportConnection always = on(ReportBuilder.ALL_FROM, ReportBuilder.ALL_TO, agency, today);
        ReportConnection byMonthEnd = on(ReportBuilder.ALL_FROM, ReportBuilder.ALL_TO, agency,
                month.atEndOfMonth().plusDays(1));

        List<Item> broke = new ArrayList<>();
        ListQueries previous = new ListQueries(lastMonth);
        var early = previous.openedWithoutFullNotice();
        Map<Long, List<ListQueries.Reason>> noticeReasons = previous.reasons(RuleId.NOTICE,
                early.stream().map(ListQueries.OpenedEarly::consultationId).toList());
        for (var o : early) {
            broke.add(new Item(o.consultationId(), "“" + o.title() + "” opened on " + Wording.day(o.openedOn())
                    + " before " + organisations(o.organisationsShort()) + " had had a month's notice"
                    + exempted(noticeReasons.get(o.consultationId()))));
        }
        var shorter = previous.shorterThanMinimum();
        Map<Long, List<ListQueries.Reason>> durationReasons = previous.reasons(RuleId.DURATION,
                shorter.stream().map(ListQueries.OpenTooBriefly::consultationId).toList());
        for (var s : shorter) {
            broke.add(new Item(s.consultationId(), "“" + s.title() + "” opened on " + Wording.day(s.opensOn())
                    + " for less than twelve weeks, closing " + Wording.day(s.closesOn())
                    + exempted(durationReasons.get(s.consultationId()))));
        }
        for (var f : new ListQueries(always).overdueFeedback()) {
            LocalDate due = f.closesOn().plus(settings.feedbackDue());
            if (YearMonth.from(due).equals(last)) {
                broke.add(new Item(f.consultationId(), "Feedback on “" + f.title() + "” was due on "
                        + Wording.day(due) + " and has not been given"));
            }
        }
        for (var a : new ListQueries(always).overdueActions()) {
            if (YearMonth.from(a.due()).equals(last)) {
                broke.add(new Item(a.consultationId(), "The action “" + a.what() + "” promised in the feedback on “"
                        + a.title() + "” was due on " + Wording.day(a.due()) + " and is not done"));
            }
        }

        List<Item> feedback = new ArrayList<>();
        for (var f : new ListQueries(byMonthEnd).overdueFeedback()) {
            LocalDate due = f.closesOn().plus(settings.feedbackDue());
            feedback.add(new Item(f.consultationId(), "“" + f.title() + "”: " + (due.isBefore(today)
                    ? "feedback late since " + Wording.day(due) : "feedback due on " + Wording.day(due))));
        }

        List<Item> concerns = new ArrayList<>();
        for (var k : new AnnualQueries(always).concerns(now.minus(CONCERN_DAYS, ChronoUnit.DAYS))) {
            concerns.add(new Item(k.consultationId(), "A concern about “" + k.title() + "” raised on "
                    + Wording.day(k.raisedOn()) + ", open " + ChronoUnit.DAYS.between(k.raisedOn(), today) + " days: "
                    + GoldStandards.concern(k.kind())));
        }

        List<Item> planned = new ArrayList<>();
        LocalDate opensBy = today.plusDays(DEADLINE_DAYS).plus(settings.notice());
        for (var p : new AnnualQueries(always).plannedOpeningBy(opensBy)) {
            LocalDate deadline = p.opensOn().minus(settings.notice());
            planned.add(new Item(p.id(), "“" + p.title() + "” is planned to open on " + Wording.day(p.opensOn())
                    + (deadline.isBefore(today) ? ": its notice deadline passed on " + Wording.day(deadline)
                    : ": notice must go out by " + Wording.day(deadline))));
        }
        return new Facts(agency, broke, feedback, concerns, planned);
    }

    private ReportConnection on(LocalDate from, LocalDate to, AgencyRef agency, LocalDate today) {
        return new ReportConnection(connection, new ReportScope(from, to, agency == null ? null : agency.id(),
                agency == null ? null : agency.name(), today), settings, sql);
    }

    private static String organisations(int n) {
        return n == 1 ? "1 organisation" : n + " organisations";
    }

    private static String exempted(List<ListQueries.Reason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return "";
        }
        return " (exempted: " + reasons.get(reasons.size() - 1).reason() + ")";
    }
}
