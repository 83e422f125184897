package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Rate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The compliance report as a monitor reads it on the page: the report itself, a summary per agency (the headline
 * rate of each rule with what needs doing now) and the trends by quarter over the last two years. Every figure
 * comes from the report's own queries ({@link CountQueries}), the quarters by running them once per quarter.
 *
 * @param report   the full report for the scope asked
 * @param agencies the summary per agency, in the report's order of agencies
 * @param quarters the eight calendar quarters up to the one holding the report day, oldest first
 */
public record ComplianceOverview(ComplianceReport report, List<AgencySummary> agencies, List<QuarterRates> quarters) {

    /**
     * One agency's summary.
     *
     * @param counted         counted consultations in the period, joint ones it is a partner of included
     * @param jointCounted    of those, the joint ones
     * @param feedbackOverdue counted consultations closed without feedback after their due day (FEEDBACK overdue)
     * @param concernsOpen    concerns raised about the period's consultations and not answered (MONITOR open)
     * @param rates           the headline rate of each rule, as {@link ComplianceReport#byAgency}
     */
    public record AgencySummary(long agencyId, String agencyName, long counted, long jointCounted, long feedbackOverdue,
                                long concernsOpen, Map<String, Rate> rates) {
    }

    /**
     * The headline rates of one calendar quarter: the consultations whose open date falls in [from, to], judged as
     * the report judges its period.
     *
     * @param label   "Jan–Mar 2027"
     * @param counted counted consultations of the quarter
     * @param rates   the headline rates of {@link Trends#RULES}, by rule id
     */
    public record QuarterRates(LocalDate from, LocalDate to, String label, long counted, Map<String, Rate> rates) {
    }
}
