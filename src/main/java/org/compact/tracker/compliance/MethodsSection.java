package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.Map;

/** METHODS: counted consultations that name at least one method and one audience. */
final class MethodsSection {
    private MethodsSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions) {
        long counted = c.counted();
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("withMethodAndAudience", c.methodsMet(), "Counted consultations with at least one method and at "
                + "least one audience. Whether the methods suit the audience is judged on each consultation's checklist, "
                + "not here.");
        f.share("rate", Statistics.rate(c.methodsMet(), counted), "withMethodAndAudience / consultations.");
        f.exempted(RuleId.METHODS, exemptions);
        return f.section(RuleId.METHODS, "Methods that suit the audience", Map.of());
    }
}
