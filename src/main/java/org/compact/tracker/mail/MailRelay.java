package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the outbox: claims the messages that are due, sends them over one kept-open connection and records
 * each outcome in its own short transaction. A message is sent at least once and never twice on purpose: only a
 * relay that dies between the server's "250 OK" and the write of SENT sends that one message again, with the same
 * Message-ID, when its claim runs out.
 *
 * <p>That the server accepted a message is written as one short append ({@link OutboxStore#markSent}), and folded into
 * the message's row once per batch ({@link OutboxStore#foldSent}); nothing that was accepted is ever claimed again,
 * because every run folds before it claims.
 *
 * <p>The outcome of a message is written on a second thread while the next message is built and written to the
 * server, and the server is let to accept that next message (the SMTP end of data) only once the outcome is
 * committed ({@link MailSender.BeforeAccept}). So the commit no longer adds to the time of each message, and still at
 * most one message is ever accepted by the server and not yet recorded: the promise above holds as it did with the
 * writes in line. Outcomes are written in order, and all of a run's are written before the run returns.
 *
 * <p>Runs after the other {@link DueWork} (lowest precedence), so mail they queue leaves in the same run.
 */
@Singleton
@Order(Ordered.LOWEST_PRECEDENCE)
public class MailRelay implements DueWork {
    private static final Logger LOG = LoggerFactory.getLogger(MailRelay.class);

    private final OutboxStore store;
    private final MailSender sender;
    private final Clock clock;
    /** The wall clock, which claims are held on whatever the service's clock does (see OutboxStore#claimDue). */
    private final Clock leaseClock;
    private final RelaySettings settings;
    /** Whether mail as a whole gets through, and the admin's alert; null in unit tests of the relay alone. */
    @Nullable
    private final MailHealth health;
    private final ReentrantLock running = new ReentrantLock();
    /** Writes the outcomes, one at a time and in order. */
    private final ExecutorService outcomes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-relay-outcomes");
        t.setDaemon(true);
        return t;
    });

    @Inject
    MailRelay(OutboxStore store, MailSender sender, Clock clock, RelaySettings settings, MailHealth health) {
        this(store, sender, clock, Clock.systemUTC(), settings, health);
    }

    /** With the clock claims are held on given too (tests that move both), and no health kept. */
    MailRelay(OutboxStore store, MailSender sender, Clock clock, Clock leaseClock, RelaySettings settings) {
        this(store, sender, clock, leaseClock, settings, null);
    }

    private MailRelay(OutboxStore store, MailSender sender, Clock clock, Clock leaseClock, RelaySettings settings,
                      @Nullable MailHealth health) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.leaseClock = leaseClock;
        this.settings = settings;
        this.health = health;
    }

    /**
     * What one run did.
     *
     * @param claimed     messages claimed (each ends SENT, retried, FAILED or given back)
     * @param sent        accepted by the server (or written to a file)
     * @param retried     temporary failures, to be tried again after the back-off
     * @param failed      parked FAILED: refused for good, or given up after the last attempt
     * @param unreachable the server could not be reached, and the run stopped there
     */
    @Serdeable
    public record Delivery(int claimed, int sent, int retried, int failed, boolean unreachable, Duration took) {
        static final Delivery NOTHING = new Delivery(0, 0, 0, 0, false, Duration.ZERO);

        @Override
        public String toString() {
            return "sent " + sent + ", retry " + retried + ", failed " + failed
                    + (unreachable ? " (server unreachable)" : "");
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        outcomes.shutdown();
    }

    @Override
    public String name() {
        return "mail relay";
    }

    /** Last: the sim clock delivers what the other work queued in the same step. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public String runDue() {
        return deliverDue().toString();
    }

    /**
     * Delivers what is due at the clock's time, batch after batch, until nothing due is left, the server cannot be
     * reached, or the time budget is spent. One run at a time on this node: a second caller waits for the first.
     */
    public Delivery deliverDue() {
        running.lock();
        try {
            Delivery delivery = deliver();
            if (health != null) {
                health.recordRun(delivery);
                health.alertIfDue();
            }
            return delivery;
        } finally {
            running.unlock();
        }
    }

    private Delivery deliver() {
        long start = System.nanoTime();
        long budget = settings.timeBudget().toNanos();
        Tally tally = new Tally();
        MailSender.Connection connection = null;
        try {
            // What was accepted and not folded yet (by a relay that died) is SENT first, so none of it is claimed
            // again. This run's own batches are folded by the writer after each batch, while the next is claimed:
            // their rows stay claimed until then, so they are not claimed again either.
            foldAll();
            while (System.nanoTime() - start < budget && !tally.unreachable) {
                Instant now = clock.instant();
                Instant leaseNow = leaseClock.instant();
                List<OutboxMessage> batch = store.claimDue(now, leaseNow, leaseNow.plus(settings.lease()),
                        settings.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                tally.claimed += batch.size();
                if (connection == null) {
                    try {
                        connection = sender.open();
                    } catch (Exception e) {
                        tally.unreachable = true;
                        String reason = MailFailures.describe(e);
                        LOG.warn("Mail server unreachable ({}); {} message(s) will be tried again later: {}",
                                sender.describe(), batch.size(), reason);
                        for (OutboxMessage m : batch) {
                            retryOrGiveUp(m, reason, tally);
                        }
                        break;
                    }
                }
                sendBatch(connection, batch, start, budget, tally);
            }
        } finally {
            try {
                // Every batch handed the writer its fold after its outcomes, so once they are written all is folded.
                tally.outcomesWritten();
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }
        Delivery delivery = new Delivery(tally.claimed, tally.sent, tally.retried, tally.failed, tally.unreachable,
                Duration.ofNanos(System.nanoTime() - start));
        if (delivery.claimed() > 0) {
            LOG.info("Mail relay: {} claimed, {} sent, {} to retry, {} failed{} in {} ms ({})", delivery.claimed(),
                    delivery.sent(), delivery.retried(), delivery.failed(),
                    delivery.unreachable() ? ", server unreachable" : "", delivery.took().toMillis(),
                    sender.describe());
        }
        return delivery;
    }

    /** Folds every accepted message into its row, a thousand per transaction. */
    private void foldAll() {
        while (store.foldSent(FOLD_LIMIT) == FOLD_LIMIT) {
            // more to fold
        }
    }

    private static final int FOLD_LIMIT = 1000;

    private void sendBatch(MailSender.Connection connection, List<OutboxMessage> batch, long start, long budget,
                           Tally tally) {
        int next = 0;
        try {
            for (; next < batch.size(); next++) {
                OutboxMessage m = batch.get(next);
                if (tally.unreachable) {
                    retryOrGiveUp(m, tally.unreachableReason, tally);
                    continue;
                }
                if (System.nanoTime() - start >= budget) {
                    // Out of time: give the rest back untouched; the next run takes them first.
                    tally.record(() -> store.release(m));
                    continue;
                }
                sendOne(connection, m, tally);
            }
            tally.record(this::foldAll);
        } catch (RuntimeException e) {
            // Probably the database: give back what was not tried (its claim would lapse anyway) and report.
            for (int i = next + 1; i < batch.size(); i++) {
                try {
                    store.release(batch.get(i));
                } catch (RuntimeException ignored) {
                    break;
                }
            }
            throw e;
        }
    }

    private void sendOne(MailSender.Connection connection, OutboxMessage m, Tally tally) {
        OutgoingMail mail;
        try {
            mail = m.mail();
        } catch (RuntimeException e) {
            String reason = "unreadable in the outbox: " + MailFailures.describe(e);
            tally.record(() -> store.markFailed(m, m.attempts() + 1, reason));
            tally.failed++;
            LOG.warn("Mail {} {}", m.messageId(), reason);
            return;
        }
        Exception failure;
        try {
            connection.send(mail, clock.instant(), tally::previousOutcomeWritten);
            failure = null;
        } catch (Exception e) {
            failure = e;
        }
        if (failure == null) {
            // When the server accepted it: the notice lead time counts from here.
            Instant acceptedAt = clock.instant();
            tally.record(() -> store.markSent(m, acceptedAt));
            tally.sent++;
            return;
        }
        // Not sent because the previous outcome could not be written (the database): stop as the database said.
        tally.rethrowIfOutcomeFailed();
        String reason = MailFailures.describe(failure);
        switch (MailFailures.classify(failure)) {
            case PERMANENT -> {
                tally.record(() -> store.markFailed(m, m.attempts() + 1, reason));
                tally.failed++;
                LOG.warn("Mail {} to {} refused for good: {}", m.messageId(), m.recipient(), reason);
            }
            case TEMPORARY -> retryOrGiveUp(m, reason, tally);
            case UNREACHABLE -> {
                LOG.warn("Mail server unreachable ({}); the rest of the batch will be tried again later: {}",
                        sender.describe(), reason);
                tally.unreachable = true;
                tally.unreachableReason = reason;
                retryOrGiveUp(m, reason, tally);
            }
        }
    }

    /**
     * A passing failure: tried again after the back-off, or given up once {@code give-up-after} has passed since the
     * message first failed (or {@code max-attempts}, when set, is reached).
     */
    private void retryOrGiveUp(OutboxMessage m, String reason, Tally tally) {
        int attempts = m.attempts() + 1;
        Instant now = clock.instant();
        Instant failingSince = m.failingSince() == null ? now : m.failingSince();
        if (settings.givesUp(attempts, failingSince, now)) {
            String gaveUp = "gave up after " + attempts + " attempts over "
                    + Duration.between(failingSince, now).toMinutes() + " minutes: " + reason;
            String stored = gaveUp.length() <= MailFailures.MAX_REASON ? gaveUp
                    : gaveUp.substring(0, MailFailures.MAX_REASON - 1) + "…";
            tally.record(() -> store.markFailed(m, attempts, stored));
            tally.failed++;
            LOG.warn("Mail {} to {} {}", m.messageId(), m.recipient(), gaveUp);
        } else {
            Instant nextAttempt = now.plus(settings.backoffAfter(attempts));
            tally.record(() -> store.markRetry(m, attempts, nextAttempt, reason, failingSince));
            tally.retried++;
        }
    }

    /** How long a message waits, written out, for the previous outcome to be committed before it is abandoned. */
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(30);

    private final class Tally {
        int claimed;
        int sent;
        int retried;
        int failed;
        boolean unreachable;
        String unreachableReason;
        /** The last outcome handed to the writer; each waits for the one before (a single thread, in order). */
        private CompletableFuture<Void> lastOutcome = CompletableFuture.completedFuture(null);

        /** Hands an outcome to the writer thread. After a failed write nothing more is written. */
        void record(Runnable write) {
            lastOutcome = lastOutcome.thenRunAsync(write, outcomes);
        }

        /** The {@link MailSender.BeforeAccept} of the next message: the previous outcome is committed. */
        void previousOutcomeWritten() throws java.io.IOException {
            try {
                lastOutcome.get(OUTCOME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new java.io.IOException("the outcome of the previous message could not be recorded: "
                        + MailFailures.describe(e.getCause()), e.getCause());
            } catch (TimeoutException e) {
                throw new java.io.IOException("the outcome of the previous message was not recorded within "
                        + OUTCOME_WAIT.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("interrupted while the previous outcome was recorded");
            }
        }

        /** Rethrows the failure of an outcome write, if one failed. */
        void rethrowIfOutcomeFailed() {
            if (lastOutcome.isCompletedExceptionally()) {
                outcomesWritten();
            }
        }

        /** Waits until every outcome handed over is written; rethrows the first failure. */
        void outcomesWritten() {
            try {
                lastOutcome.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }
}
