package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INCLUSION: counted consultations naming the socially excluded groups, one figure per group of the setting
 * {@code tracker.rules.excluded-groups} (a council adds its own), in the setting's order.
 */
final class InclusionSection {
    /** The section's figures that are not a group's. */
    private static final Set<String> NOT_GROUPS = Set.of("consultations", "namingAnyGroup", "rate", "groupsNamed",
            "exempted");

    private InclusionSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions, ReportSettings settings) {
        List<String> groups = settings.excludedGroups();
        long counted = c.counted();
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("namingAnyGroup", c.namingAnyGroup(), "Counted consultations naming at least one of the "
                + groups.size() + " socially excluded groups of the setting tracker.rules.excluded-groups as an "
                + "audience (names matched ignoring case, spaces and hyphens: 'older people' is OLDER_PEOPLE).");
        f.share("rate", Statistics.rate(c.namingAnyGroup(), counted), "namingAnyGroup / consultations.");
        long covered = groups.stream().filter(g -> c.naming(g) > 0).count();
        f.count("groupsNamed", covered, "How many of the " + groups.size() + " groups at least one counted "
                + "consultation named.");
        for (String group : groups) {
            f.count(group, c.naming(group), "Counted consultations naming " + group + " as an audience.");
        }
        f.exempted(RuleId.INCLUSION, exemptions);
        return f.section(RuleId.INCLUSION, "The socially excluded groups named", Map.of());
    }

    /** The groups a report's INCLUSION section counts, in the order it lists them (the setting's). */
    static List<String> groups(Section inclusion) {
        return inclusion.figures().keySet().stream().filter(name -> !NOT_GROUPS.contains(name)).toList();
    }
}
