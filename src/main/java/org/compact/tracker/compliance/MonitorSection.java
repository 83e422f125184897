package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** MONITOR: the concerns organisations raised, tracked to an answer, and how long answers took. */
final class MonitorSection {
    private MonitorSection() {
    }

    static Section of(ConcernCounts concerns, @Nullable Double medianDaysToAnswer, String zone, LocalDate today) {
        ConcernCounts.Tally k = concerns.total();
        LocalDate oldestOpen = concerns.oldestOpen();
        Figures f = new Figures();
        f.count("concernsRaised", k.raised(), "Concerns organisations raised about consultations in the period (any status).");
        f.count("open", k.open(), "Concerns not answered on the report day.");
        f.count("answered", k.answered(), "Concerns answered.");
        f.share("answeredRate", Statistics.rate(k.answered(), k.raised()), "answered / concernsRaised.");
        f.days("medianDaysToAnswer", medianDaysToAnswer, "Median over answered concerns of the days from the "
                + "day raised to the day answered (both in " + zone + ").");
        f.days("oldestOpenDays", oldestOpen == null ? null : ChronoUnit.DAYS.between(oldestOpen, today),
                "Days from the day the oldest open concern was raised to the report day.");
        for (Map.Entry<String, Long> kind : concerns.byKind().entrySet()) {
            f.count("raised" + ReportText.capitalised(kind.getKey()), kind.getValue(), "Concerns of kind " + kind.getKey() + ".");
        }
        return f.section(RuleId.MONITOR, "Monitoring: concerns tracked to an answer", Map.of());
    }
}
