package org.compact.tracker.compliance;

import org.compact.tracker.rules.RuleSettings;

import java.time.Period;
import java.util.List;

/**
 * The rule settings a report judges by: the notice period (NOTICE), the minimum duration (DURATION), the analysis
 * period before a decision (INFLUENCE), the time feedback is due in (FEEDBACK) and the socially excluded groups
 * (INCLUSION, {@code tracker.rules.excluded-groups}, in the order the report lists them). The report's figures,
 * their definitions and the drill-downs all read the same settings.
 */
record ReportSettings(Period notice, Period minimumDuration, Period analysis, Period feedbackDue,
                      List<String> excludedGroups) {

    ReportSettings {
        excludedGroups = List.copyOf(excludedGroups);
    }

    /** The catalogue's defaults, with feedback due {@code feedbackDue} after closing. */
    static ReportSettings of(RuleSettings rules, Period feedbackDue) {
        return new ReportSettings(rules.noticePeriod(), rules.minimumDuration(), rules.analysisPeriod(), feedbackDue,
                rules.excludedGroups());
    }

    /** As the report's JSON states them, ISO-8601 the way configuration writes them. */
    ComplianceReport.Settings asStated() {
        return new ComplianceReport.Settings(ReportText.iso(notice), ReportText.iso(minimumDuration),
                ReportText.iso(analysis), ReportText.iso(feedbackDue));
    }
}
