package org.compact.tracker.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * How the relay works through the outbox ({@code tracker.mail.relay.*}).
 *
 * <p>A message that fails for a passing reason is tried again until {@code giveUpAfter} has passed since its first
 * failure: a time, not a count, because what a relay has to outlast is an outage of the mail server (a long weekend),
 * and with the back-off capped low a count of attempts says little about how long that was. 72 hours by default, as
 * GOV.UK Notify retries; the back-off is capped at 10 minutes so a server that is back is used within minutes.
 *
 * @param batchSize   messages claimed at a time
 * @param lease       how long a claim holds a message; a relay that died lets go of it when the lease ends
 * @param baseBackoff the wait after the first temporary failure; it doubles after each further one
 * @param maxBackoff  the longest wait between two tries
 * @param maxAttempts temporary failures after which a message is given up (FAILED) even within {@code giveUpAfter};
 *                    0 (the default) for no limit by count
 * @param giveUpAfter how long after its first temporary failure a message is given up (FAILED)
 * @param timeBudget  how long one run keeps claiming further batches
 */
public record RelaySettings(int batchSize, Duration lease, Duration baseBackoff, Duration maxBackoff, int maxAttempts,
                            Duration giveUpAfter, Duration timeBudget) {

    public static final RelaySettings DEFAULTS = new RelaySettings(200, Duration.ofMinutes(2), Duration.ofSeconds(30),
            Duration.ofMinutes(10), 0, Duration.ofHours(72), Duration.ofSeconds(20));

    public RelaySettings {
        if (batchSize < 1 || maxAttempts < 0) {
            throw new IllegalArgumentException("batch-size must be at least 1, max-attempts at least 0 (no limit)");
        }
        if (lease.isNegative() || lease.isZero() || baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0
                || timeBudget.isNegative() || giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("The relay's durations must be positive, max-backoff ≥ base-backoff: "
                    + this);
        }
    }

    /**
     * Whether a message that has just failed for a passing reason for the {@code attempts}-th time, failing since
     * {@code failingSince}, is given up at {@code now}.
     */
    public boolean givesUp(int attempts, Instant failingSince, Instant now) {
        return (maxAttempts > 0 && attempts >= maxAttempts) || !now.isBefore(failingSince.plus(giveUpAfter));
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
