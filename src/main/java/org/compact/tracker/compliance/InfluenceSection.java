package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.Map;

/** INFLUENCE: counted consultations decided only after the responses could be analysed, and open about what can change. */
final class InfluenceSection {
    private InfluenceSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions, ReportSettings settings) {
        long counted = c.counted();
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("decisionAfterAnalysis", c.influenceMet(), "Counted consultations whose decision date is after "
                + "closesOn + " + ReportText.iso(settings.analysis()) + " (strictly: a decision on that day is too soon).");
        f.share("rate", Statistics.rate(c.influenceMet(), counted), "decisionAfterAnalysis / consultations; absent when there are none.");
        f.count("opennessStated", c.influenceStated(), "Counted consultations that state what is open to "
                + "change, what is fixed, and who decides (none blank).");
        f.exempted(RuleId.INFLUENCE, exemptions);
        return f.section(RuleId.INFLUENCE, "Consultation before the decision", Map.of());
    }
}
