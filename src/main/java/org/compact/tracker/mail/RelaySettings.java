package org.compact.tracker.mail;

import java.time.Duration;

/**
 * How the relay works through the outbox ({@code tracker.mail.relay.*}).
 *
 * @param batchSize   messages claimed at a time
 * @param lease       how long a claim holds a message; a relay that died lets go of it when the lease ends
 * @param baseBackoff the wait after the first temporary failure; it doubles after each further one
 * @param maxBackoff  the longest wait between two tries
 * @param maxAttempts temporary failures after which a message is given up (FAILED)
 * @param timeBudget  how long one run keeps claiming further batches
 */
public record RelaySettings(int batchSize, Duration lease, Duration baseBackoff, Duration maxBackoff, int maxAttempts,
                            Duration timeBudget) {

    public static final RelaySettings DEFAULTS = new RelaySettings(200, Duration.ofMinutes(2), Duration.ofSeconds(30),
            Duration.ofHours(1), 12, Duration.ofSeconds(20));

    public RelaySettings {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch-size and max-attempts must be at least 1");
        }
        if (lease.isNegative() || lease.isZero() || baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0
                || timeBudget.isNegative()) {
            throw new IllegalArgumentException("The relay's durations must be positive, max-backoff ≥ base-backoff: "
                    + this);
        }
    }

    /** The wait after the {@code failures}-th temporary failure in a row: base × 2^(failures−1), at most the cap. */
    public Duration backoffAfter(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 62);
        long baseMillis = baseBackoff.toMillis();
        if (baseMillis == 0) {
            return Duration.ZERO;
        }
        if (doublings >= 62 || baseMillis > (Long.MAX_VALUE >> doublings)) {
            return maxBackoff;
        }
        Duration wait = Duration.ofMillis(baseMillis << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
