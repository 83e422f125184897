package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a report covers: consultations whose {@code opensOn} is in [from, to] (both days included), of one agency
 * or of all, judged on {@code today} in the service's zone.
 */
public record ReportScope(LocalDate from, LocalDate to, @Nullable Long agencyId, @Nullable String agencyName,
                          LocalDate today) {

    /** How a consultation is placed in the period, as every report and drill-down states it. */
    static final String PERIOD_RULE = "A consultation is in the period when its planned open date (opensOn) falls "
            + "in [from, to], both days included; its deliveries, feedback, actions, concerns and exemptions go with "
            + "it. Counted consultations are those in the period whose notice has gone out (notifiedOn is set) and "
            + "that were not withdrawn.";

    /** The period as a report states it. */
    ComplianceReport.ReportPeriod period() {
        return new ComplianceReport.ReportPeriod(from, to, PERIOD_RULE);
    }
}
