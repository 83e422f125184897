package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a report covers: consultations whose {@code opensOn} is in [from, to] (both days included), of one agency
 * or of all, judged on {@code today} in the service's zone.
 */
public record ReportScope(LocalDate from, LocalDate to, @Nullable Long agencyId, @Nullable String agencyName,
                          LocalDate today) {
}
