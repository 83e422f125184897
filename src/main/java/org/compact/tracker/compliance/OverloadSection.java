package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.BusyOrganisation;
import org.compact.tracker.compliance.ListQueries.MostConsulted;
import org.compact.tracker.rules.RuleId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.compact.tracker.compliance.ListQueries.TOP_ORGANISATIONS;

/** OVERLOAD: how many organisations were asked, and which were sent the most notices. */
final class OverloadSection {
    private OverloadSection() {
    }

    static Section of(MostConsulted most, ExemptionCounts exemptions) {
        List<Map<String, Object>> rows = most.top().stream().map(OverloadSection::row).toList();
        Figures f = new Figures();
        f.count("organisationsAsked", most.organisationsAsked(), "Organisations sent notice of at least one counted consultation.");
        f.count("mostNotices", most.top().isEmpty() ? null : most.top().get(0).notices(),
                "The most NOTICE deliveries (one per contact) about counted consultations that any one organisation "
                        + "was sent: the first of the list.");
        f.exempted(RuleId.OVERLOAD, exemptions);
        Listing busiest = new Listing("Most-consulted organisations", "The " + TOP_ORGANISATIONS + " organisations sent "
                + "the most NOTICE deliveries about counted consultations (one per contact), then by id, with how many "
                + "consultations that was.", List.of("organisationId", "name", "notices", "consultations"),
                most.organisationsAsked(), TOP_ORGANISATIONS, rows);
        return f.section(RuleId.OVERLOAD, "Not over-consulting", Map.of("mostConsulted", busiest));
    }

    private static Map<String, Object> row(BusyOrganisation o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("organisationId", o.organisationId());
        row.put("name", o.name());
        row.put("notices", o.notices());
        row.put("consultations", o.consultations());
        return row;
    }
}
