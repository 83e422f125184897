package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.Exemption;
import org.compact.tracker.rules.RuleId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * EXEMPTIONS: every exemption of a consultation in the period, withdrawn ones included, per exemptable rule and
 * listed with its written reason, so that no exemption hides from the report.
 */
final class ExemptionsSection {
    /**
     * The exemptable rules in the order the report has always listed them: the rules a draft is checked against
     * (CLEAR_LANGUAGE with them), then the rules of the aftermath, FEEDBACK and ACTION. {@link RuleId#EXEMPTABLE}
     * keeps the catalogue's order, which puts CLEAR_LANGUAGE last.
     */
    static final List<RuleId> ORDER = Stream.concat(
            RuleId.EXEMPTABLE.stream().filter(r -> !aftermath(r)),
            RuleId.EXEMPTABLE.stream().filter(ExemptionsSection::aftermath)).toList();

    private ExemptionsSection() {
    }

    static Section of(ExemptionCounts exemptions, List<Exemption> listed) {
        long total = exemptions.total();
        Figures f = new Figures();
        f.count("exemptions", total, "Exemptions recorded for consultations in the period, any status (withdrawn ones "
                + "included): every exemption shows in the report.");
        for (RuleId rule : ORDER) {
            ExemptionCounts.PerRule v = exemptions.of(rule);
            f.count(rule.name(), v.exemptions(), "Exemptions of " + rule.name() + " (on " + v.consultations()
                    + " consultation" + (v.consultations() == 1 ? "" : "s") + ").");
        }
        List<Map<String, Object>> rows = listed.stream().map(ExemptionsSection::row).toList();
        Listing listing = new Listing("Exemptions", "Every exemption of a consultation in the period, oldest first: the "
                + "rule, the consultation, the written reason, who recorded it and when.",
                List.of("ruleId", "consultationId", "title", "agencyId", "reason", "recordedBy", "recordedAt"),
                total, ListQueries.LIMIT, rows);
        return f.section("EXEMPTIONS", "Exemptions and their reasons", "EXEMPTIONS", Map.of("exemptions", listing));
    }

    private static boolean aftermath(RuleId rule) {
        return rule == RuleId.FEEDBACK || rule == RuleId.ACTION;
    }

    private static Map<String, Object> row(Exemption e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ruleId", e.ruleId());
        row.put("consultationId", e.consultationId());
        row.put("title", e.title());
        row.put("agencyId", e.agencyId());
        row.put("reason", e.reason());
        row.put("recordedBy", e.recordedBy());
        row.put("recordedAt", e.recordedAt().toString());
        return row;
    }
}
