package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.ActionOverdue;
import org.compact.tracker.rules.RuleId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ACTION: the actions promised in feedback, done or on track, and the overdue ones by name and owner. */
final class ActionSection {
    private ActionSection() {
    }

    static Section of(ActionCounts a, ExemptionCounts exemptions, List<ActionOverdue> overdueRows, LocalDate today) {
        long promised = a.promised();
        long overdue = a.overdue();
        Figures f = new Figures();
        f.count("promised", promised, "Actions promised in the feedback of counted consultations.");
        f.count("done", a.done(), "Actions marked done.");
        f.count("doneOnTime", a.doneOnTime(), "Actions marked done on or before their due day.");
        f.count("open", a.open(), "Actions not done.");
        f.count("overdue", overdue, "Actions not done whose due day is before the report day (listed below).");
        f.share("onTrackRate", Statistics.rate(a.onTrack(), promised), "(promised - overdue) / promised: actions done or "
                + "not yet due; absent when none was promised.");
        f.exempted(RuleId.ACTION, exemptions);
        return f.section(RuleId.ACTION, "Consultation turned into action", Map.of("overdue",
                overdue(overdue, overdueRows, today)));
    }

    private static Listing overdue(long total, List<ActionOverdue> overdue, LocalDate today) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ActionOverdue o : overdue) {
            Map<String, Object> row = ListingRows.consultation(o.consultationId(), o.title(), o.agencyId());
            row.put("actionId", o.actionId());
            row.put("what", o.what());
            row.put("owner", o.owner());
            row.put("due", o.due().toString());
            row.put("daysOverdue", ChronoUnit.DAYS.between(o.due(), today));
            rows.add(row);
        }
        return new Listing("Actions overdue", "Promised actions not done whose due day is before the report day, oldest "
                + "due first.", List.of("consultationId", "title", "agencyId", "actionId", "what", "owner", "due",
                "daysOverdue"), total, ListQueries.LIMIT, rows);
    }
}
