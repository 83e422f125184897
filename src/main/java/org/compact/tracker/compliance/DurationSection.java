package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.OpenTooBriefly;
import org.compact.tracker.compliance.ListQueries.Reason;
import org.compact.tracker.rules.RuleId;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.compact.tracker.compliance.ReportText.iso;

/** DURATION: counted consultations open at least the minimum, and the shorter ones beside their written rationale. */
final class DurationSection {
    private DurationSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions, List<OpenTooBriefly> shorter,
                      Map<Long, List<Reason>> reasons, ReportSettings settings) {
        long counted = c.counted();
        long met = c.durationMet();
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("openAtLeastMinimum", met, "Counted consultations open at least " + ReportText.describe(settings.minimumDuration())
                + ": closesOn >= opensOn + " + iso(settings.minimumDuration()) + " - 1 day (both days are open days; "
                + "planned dates).");
        f.share("rate", Statistics.rate(met, counted), "openAtLeastMinimum / consultations; absent when there are none.");
        f.count("shorter", counted - met, "Counted consultations open for less (or without both dates).");
        f.count("shorterExempted", exemptions.of(RuleId.DURATION).coveringShortfall(), "Of the shorter ones, those with a DURATION "
                + "exemption (the written rationale for a shorter period).");
        f.exempted(RuleId.DURATION, exemptions);
        return f.section(RuleId.DURATION, "Twelve weeks to respond",
                Map.of("shorter", shorter(counted - met, shorter, reasons, settings)));
    }

    private static Listing shorter(long total, List<OpenTooBriefly> shorter, Map<Long, List<Reason>> reasons,
                                   ReportSettings settings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OpenTooBriefly s : shorter) {
            Map<String, Object> row = ListingRows.consultation(s.consultationId(), s.title(), s.agencyId());
            row.put("opensOn", s.opensOn() == null ? null : s.opensOn().toString());
            row.put("closesOn", s.closesOn() == null ? null : s.closesOn().toString());
            row.put("daysOpen", s.opensOn() == null || s.closesOn() == null ? null
                    : ChronoUnit.DAYS.between(s.opensOn(), s.closesOn()) + 1);
            rows.add(row);
        }
        ListingRows.addExemptions(rows, reasons);
        return new Listing("Open for less than the minimum", "Counted consultations open for less than "
                + iso(settings.minimumDuration()) + " (planned dates, both days open), by open date, with their DURATION "
                + "exemptions (the written rationale).", List.of("consultationId", "title", "agencyId", "opensOn",
                "closesOn", "daysOpen", "exempted", "exemptions"), total, ListQueries.LIMIT, rows);
    }
}
