package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.TreeMap;

/**
 * The little arithmetic the report does on what the database counted: a share, and a median read off a histogram
 * (value to how many have it) exactly as PERCENTILE_CONT(0.5) would give it, so that the scan behind a median runs
 * once and serves the other figures too.
 */
final class Statistics {
    private Statistics() {
    }

    /** {@code met / of}; absent when there is nothing to divide by. */
    @Nullable
    static Double rate(long met, long of) {
        return of == 0 ? null : (double) met / of;
    }

    /** How many values the histogram holds. */
    static long count(Map<Integer, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The median of the values counted; with an even count, the mean of the two middle ones; absent when none. */
    @Nullable
    static Double median(TreeMap<Integer, Long> histogram) {
        long n = count(histogram);
        if (n == 0) {
            return null;
        }
        long lowIndex = (n - 1) / 2;
        long highIndex = n / 2;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            long next = seen + e.getValue();
            if (low == null && lowIndex < next) {
                low = e.getKey();
            }
            if (highIndex < next) {
                high = e.getKey();
                break;
            }
            seen = next;
        }
        return (low + high) / 2.0;
    }
}
