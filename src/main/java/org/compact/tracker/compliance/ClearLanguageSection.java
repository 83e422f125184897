package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.Map;

/** CLEAR_LANGUAGE: only the exemptions, since reading ease and jargon are judged when shown, never stored. */
final class ClearLanguageSection {
    private ClearLanguageSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions) {
        Figures f = new Figures();
        f.count("consultations", c.counted(), "Counted consultations. Reading ease and jargon are judged on each "
                + "consultation's checklist when it is shown; they are not stored, so reports count only exemptions.");
        f.exempted(RuleId.CLEAR_LANGUAGE, exemptions);
        return f.section(RuleId.CLEAR_LANGUAGE, "Clear language", Map.of());
    }
}
