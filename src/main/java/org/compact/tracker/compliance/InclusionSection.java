package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.RuleSettings;

import java.util.Map;

/** INCLUSION: counted consultations naming the socially excluded groups, one figure per group in the catalogue's order. */
final class InclusionSection {
    private InclusionSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions) {
        long counted = c.counted();
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("namingAnyGroup", c.namingAnyGroup(), "Counted consultations naming at least one of the 16 "
                + "socially excluded groups as an audience (names matched ignoring case, spaces and hyphens: "
                + "'older people' is OLDER_PEOPLE).");
        f.share("rate", Statistics.rate(c.namingAnyGroup(), counted), "namingAnyGroup / consultations.");
        long covered = RuleSettings.SOCIALLY_EXCLUDED_GROUPS.stream().filter(g -> c.namingGroup().get(g) > 0).count();
        f.count("groupsNamed", covered, "How many of the 16 groups at least one counted consultation named.");
        for (String group : RuleSettings.SOCIALLY_EXCLUDED_GROUPS) {
            f.count(group, c.namingGroup().get(group), "Counted consultations naming " + group + " as an audience.");
        }
        f.exempted(RuleId.INCLUSION, exemptions);
        return f.section(RuleId.INCLUSION, "The socially excluded groups named", Map.of());
    }
}
