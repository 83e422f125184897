package org.compact.tracker.rules;

import java.util.List;
import java.util.Set;

/**
 * An organisation a consultation asks to take part, with the communities it represents and the periods of the
 * other live consultations (planned, notified or open; not withdrawn) that also ask it.
 */
public record TargetedOrganisation(long id, String name, Set<String> communities, List<DateRange> otherConsultations) {
}
