package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Map;

/**
 * The concerns organisations raised about consultations in the period (any status).
 *
 * @param perAgency   raised and open, by agency id
 * @param byKind      raised, by concern kind in the kinds' alphabetical order
 * @param oldestOpen  the day the oldest concern still open was raised; absent when none is open
 */
record ConcernCounts(Map<Long, Tally> perAgency, Map<String, Long> byKind, @Nullable LocalDate oldestOpen) {

    /** Concerns raised, and how many of them are not answered. */
    record Tally(long raised, long open) {
        static final Tally NONE = new Tally(0, 0);

        Tally plus(Tally o) {
            return new Tally(raised + o.raised, open + o.open);
        }

        long answered() {
            return raised - open;
        }
    }

    Tally ofAgency(long agencyId) {
        return perAgency.getOrDefault(agencyId, Tally.NONE);
    }

    Tally total() {
        return perAgency.values().stream().reduce(Tally.NONE, Tally::plus);
    }
}
