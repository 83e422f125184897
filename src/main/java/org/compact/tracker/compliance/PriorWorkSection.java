package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.Map;

/** PRIOR_WORK: counted consultations that looked at earlier work, or said why none was relevant, before notice. */
final class PriorWorkSection {
    private PriorWorkSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions) {
        long counted = c.counted();
        long met = c.priorWorkMet();
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("withRelated", c.priorWorkRelated(), "Counted consultations linked to at least one earlier consultation.");
        f.count("withStatementOnly", c.priorWorkStatement(), "Counted consultations with no link but a statement (not "
                + "blank) that no earlier consultation is relevant.");
        f.count("met", met, "withRelated + withStatementOnly.");
        f.share("rate", Statistics.rate(met, counted), "met / consultations; absent when there are none.");
        f.exempted(RuleId.PRIOR_WORK, exemptions);
        return f.section(RuleId.PRIOR_WORK, "Earlier work checked before notice", Map.of());
    }
}
