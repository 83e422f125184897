package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.FeedbackOverdue;
import org.compact.tracker.compliance.ListQueries.Reason;
import org.compact.tracker.rules.RuleId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.compact.tracker.compliance.ReportText.iso;

/** FEEDBACK: feedback given by its due day, how long it took, and the consultations still owing it. */
final class FeedbackSection {
    private FeedbackSection() {
    }

    static Section of(ConsultationCounts c, TreeMap<Integer, Long> feedbackDays, ExemptionCounts exemptions,
                      List<FeedbackOverdue> overdueRows, Map<Long, List<Reason>> reasons, ReportSettings settings,
                      String zone, LocalDate today) {
        long given = c.feedbackGiven();
        long overdue = c.feedbackOverdue();
        Figures f = new Figures();
        String due = "closesOn + " + iso(settings.feedbackDue());
        f.count("closed", c.feedbackClosed(), "Counted consultations that have closed (CLOSED or FEEDBACK_GIVEN).");
        f.count("given", given, "Of those, with feedback given (FEEDBACK_GIVEN).");
        f.count("givenOnTime", c.feedbackOnTime(), "Feedback given whose day of recording (recorded_at in " + zone
                + ") is on or before the due day, " + due + ".");
        f.count("givenLate", given - c.feedbackOnTime(), "Feedback given after the due day.");
        f.count("overdue", overdue, "CLOSED, no feedback, and the report day is after the due day (listed below).");
        f.count("notYetDue", c.feedbackNotYetDue(), "CLOSED, no feedback, due day not passed.");
        f.share("onTimeRate", Statistics.rate(c.feedbackOnTime(), c.feedbackDueOrGiven()), "givenOnTime / (given + overdue): "
                + "consultations whose feedback is not yet due are left out; absent when nothing is due or given.");
        f.days("medianDaysAfterClose", Statistics.median(feedbackDays), "Median over feedback given of the days from closesOn to the day of "
                + "recording; with an even count, the mean of the two middle values (as PERCENTILE_CONT(0.5)).");
        f.exempted(RuleId.FEEDBACK, exemptions);
        return f.section(RuleId.FEEDBACK, "Feedback within twelve weeks",
                Map.of("overdue", overdue(overdue, overdueRows, reasons, settings, today)));
    }

    private static Listing overdue(long total, List<FeedbackOverdue> overdue, Map<Long, List<Reason>> reasons,
                                   ReportSettings settings, LocalDate today) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FeedbackOverdue o : overdue) {
            Map<String, Object> row = ListingRows.consultation(o.consultationId(), o.title(), o.agencyId());
            LocalDate due = o.closesOn().plus(settings.feedbackDue());
            row.put("closesOn", o.closesOn().toString());
            row.put("dueOn", due.toString());
            row.put("daysOverdue", ChronoUnit.DAYS.between(due, today));
            rows.add(row);
        }
        ListingRows.addExemptions(rows, reasons);
        return new Listing("Feedback overdue", "Counted consultations CLOSED without feedback after their due day ("
                + "closesOn + " + iso(settings.feedbackDue()) + "), oldest due first, with their FEEDBACK exemptions.",
                List.of("consultationId", "title", "agencyId", "closesOn", "dueOn", "daysOverdue", "exempted",
                        "exemptions"), total, ListQueries.LIMIT, rows);
    }
}
