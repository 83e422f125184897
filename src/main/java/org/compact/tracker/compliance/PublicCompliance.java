package org.compact.tracker.compliance;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The published summary (MONITOR, SHARE): for each agency, how many consultations counted and, per rule, the rate
 * met of counted. No names of people, no titles, no free-text reasons.
 *
 * @param definitions what each rate measures, by rule id
 */
@Serdeable
public record PublicCompliance(ComplianceReport.ReportPeriod period, LocalDate asOf, Instant generatedAt,
                               Map<String, String> definitions, List<ComplianceReport.AgencyRates> agencies) {
}
