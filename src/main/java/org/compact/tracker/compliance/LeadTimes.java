package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.TreeMap;

/**
 * The notice lead times of the period: how many organisations (once per consultation) had how many days between
 * the day the mail server first accepted their notice and the open date, and whether that was the full notice
 * period. Read off the report's heaviest query, which runs once and serves the totals, the median, the worst, the
 * chart and the rate per agency.
 */
record LeadTimes(List<Bucket> buckets) {

    /** A count of organisations per (agency, lead days, full notice or not); lead null when none was accepted. */
    record Bucket(long agencyId, @Nullable Integer lead, @Nullable Boolean fullNotice, long organisations) {
        boolean reached() {
            return lead != null;
        }

        boolean full() {
            return Boolean.TRUE.equals(fullNotice);
        }
    }

    /** The lead times of one agency's consultations. */
    LeadTimes ofAgency(long agencyId) {
        return new LeadTimes(buckets.stream().filter(b -> b.agencyId() == agencyId).toList());
    }

    /** Organisations sent a NOTICE delivery (counted once per consultation). */
    long notified() {
        return buckets.stream().mapToLong(Bucket::organisations).sum();
    }

    /** Of those, organisations at least one of whose notices the mail server accepted. */
    long reached() {
        return buckets.stream().filter(Bucket::reached).mapToLong(Bucket::organisations).sum();
    }

    /** Of those, organisations whose first accepted notice gave the full notice period. */
    long withFullNotice() {
        return buckets.stream().filter(b -> b.reached() && b.full()).mapToLong(Bucket::organisations).sum();
    }

    /** Organisations reached by lead days. */
    TreeMap<Integer, Long> histogram() {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (Bucket b : buckets) {
            if (b.reached()) {
                histogram.merge(b.lead(), b.organisations(), Long::sum);
            }
        }
        return histogram;
    }

    /** The shortest lead time of any organisation reached; absent when none was. */
    @Nullable
    Integer worst() {
        return buckets.stream().filter(Bucket::reached).map(Bucket::lead).min(Integer::compare).orElse(null);
    }
}
