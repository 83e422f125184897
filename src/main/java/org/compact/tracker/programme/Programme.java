package org.compact.tracker.programme;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * The programme as of a day: the filters applied, in words what it covers, and the consultations, in order of
 * their open dates (those without one last).
 */
@Serdeable
public record Programme(LocalDate asOf, ProgrammeFilter filters, String covers, int count,
                        List<ProgrammeEntry> consultations) {
}
