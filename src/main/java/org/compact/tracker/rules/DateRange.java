package org.compact.tracker.rules;

import java.time.LocalDate;

/** A closed range of days: a consultation's open period, from its opening day to its closing day inclusive. */
public record DateRange(LocalDate from, LocalDate to) {
    public boolean overlaps(DateRange other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }
}
