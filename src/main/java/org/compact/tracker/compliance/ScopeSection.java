package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.consultation.ConsultationStatus;

import java.util.Map;

/** SCOPE: what the period holds, by status, and which of it the rule rates count. */
final class ScopeSection {
    private ScopeSection() {
    }

    static Section of(ConsultationCounts c) {
        Figures f = new Figures();
        f.count("consultations", c.total(), "Consultations in the period (any status).");
        for (ConsultationStatus status : ConsultationStatus.values()) {
            f.count(ReportText.camel(status.name()), c.byStatus().get(status),
                    "Consultations in the period whose status is " + status.name() + " on the report day.");
        }
        f.count("counted", c.counted(), "Counted consultations: in the period, notice sent (notifiedOn set), "
                + "not withdrawn. The rule rates below are shares of these unless a figure says otherwise.");
        return f.section("SCOPE", "Scope", "SCOPE", Map.of());
    }
}
