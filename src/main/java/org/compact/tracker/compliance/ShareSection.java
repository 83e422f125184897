package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.Map;

/** SHARE: feedback that links the published report of the results. */
final class ShareSection {
    private ShareSection() {
    }

    static Section of(ConsultationCounts c) {
        Figures f = new Figures();
        f.count("feedbackGiven", c.feedbackGiven(), "Counted consultations with feedback given.");
        f.count("withPublishedReport", c.feedbackPublished(), "Of those, feedback that links a published report "
                + "(reportUrl).");
        f.share("rate", Statistics.rate(c.feedbackPublished(), c.feedbackGiven()), "withPublishedReport / feedbackGiven.");
        return f.section(RuleId.SHARE, "Results shared", Map.of());
    }
}
