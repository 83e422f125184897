package org.compact.tracker.compliance;

import java.time.Period;

/**
 * The rule settings a report judges by: the notice period (NOTICE), the minimum duration (DURATION), the analysis
 * period before a decision (INFLUENCE) and the time feedback is due in (FEEDBACK). The report's figures, their
 * definitions and the drill-downs all read the same four.
 */
record ReportSettings(Period notice, Period minimumDuration, Period analysis, Period feedbackDue) {

    /** As the report's JSON states them, ISO-8601 the way configuration writes them. */
    ComplianceReport.Settings asStated() {
        return new ComplianceReport.Settings(ReportText.iso(notice), ReportText.iso(minimumDuration),
                ReportText.iso(analysis), ReportText.iso(feedbackDue));
    }
}
