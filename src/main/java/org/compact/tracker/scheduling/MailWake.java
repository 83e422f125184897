package org.compact.tracker.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.MailQueued;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes the mail relay as soon as a transaction that queued mail has committed, so a notice leaves within moments
 * of the click rather than at the relay's next tick. Mail queued in a transaction that rolls back never wakes it.
 * A fan-out of thousands wakes it once: at most one wake a second.
 */
@Singleton
@Requires(bean = QuartzScheduler.class)
class MailWake {
    private static final long MIN_GAP_MILLIS = 1000;

    private final QuartzScheduler scheduler;
    private final AtomicLong lastWake = new AtomicLong();

    MailWake(QuartzScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onQueued(MailQueued event) {
        long now = System.nanoTime() / 1_000_000;
        long last = lastWake.get();
        if (now - last >= MIN_GAP_MILLIS && lastWake.compareAndSet(last, now)) {
            scheduler.runNow("mail relay");
        }
    }
}
