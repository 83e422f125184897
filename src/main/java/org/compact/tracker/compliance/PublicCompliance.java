package org.compact.tracker.compliance;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The published summary (MONITOR, SHARE): for each agency, how many consultations counted and, per rule, the rate
 * met of counted; and the consultations awaiting feedback, whatever the period. No names of people, no free-text
 * reasons.
 *
 * @param definitions      what each rate measures, by rule id
 * @param awaitingFeedback consultations closed whose feedback is late (due day passed, none given), whenever they
 *                         opened, longest late first; at most 500
 */
@Serdeable
public record PublicCompliance(ComplianceReport.ReportPeriod period, LocalDate asOf, Instant generatedAt,
                               Map<String, String> definitions, List<ComplianceReport.AgencyRates> agencies,
                               List<AwaitingFeedback> awaitingFeedback) {

    /**
     * A consultation whose feedback is late: closed on {@code closedOn}, feedback due on {@code feedbackDue}, none
     * given by the report day, {@code daysLate} days after the due day.
     */
    @Serdeable
    public record AwaitingFeedback(long consultationId, String title, long agencyId, String agencyName,
                                   LocalDate closedOn, LocalDate feedbackDue, long daysLate) {
    }
}
