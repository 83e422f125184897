package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceReport.Figure;
import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one section, in the order a section writer adds them, each with its unit and its definition. */
final class Figures {
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    void count(String name, @Nullable Number value, String definition) {
        figures.put(name, new Figure(value, "count", definition));
    }

    void share(String name, @Nullable Double value, String definition) {
        figures.put(name, new Figure(value, "share", definition));
    }

    void days(String name, @Nullable Number value, String definition) {
        figures.put(name, new Figure(value, "days", definition));
    }

    /** The rule's exempted figure: counted consultations with an exemption, which still count as not met. */
    void exempted(RuleId rule, ExemptionCounts exemptions) {
        count("exempted", exemptions.of(rule).counted(), "Counted consultations with at least one " + rule.name()
                + " exemption. Exempted consultations still count as not met in the rate: an exemption explains a "
                + "shortfall, it does not hide it.");
    }

    /** The section of a rule, of the rule's kind in the catalogue. */
    Section section(RuleId rule, String title, Map<String, Listing> lists) {
        return section(rule.name(), title, rule.kind().name(), lists);
    }

    Section section(String id, String title, String kind, Map<String, Listing> lists) {
        return new Section(id, title, kind, figures, lists);
    }
}
