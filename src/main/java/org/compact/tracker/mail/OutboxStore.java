package org.compact.tracker.mail;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The relay's side of the outbox: claims in one short transaction, each outcome in its own (the repository's). */
@Singleton
class OutboxStore {
    private final OutboxRepository repository;
    private final JdbcOperations jdbc;
    /** Told which messages each fold turned SENT, in the fold's transaction. */
    private final List<MailSent> listeners;

    /** Without listeners (tests of the relay alone). */
    OutboxStore(OutboxRepository repository, JdbcOperations jdbc) {
        this(repository, jdbc, List.of());
    }

    @Inject
    OutboxStore(OutboxRepository repository, JdbcOperations jdbc, List<MailSent> listeners) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Claims up to {@code limit} queued messages due at {@code now}, oldest first, until {@code until}: one UPDATE for
     * the batch, conditional on each row still being free and due, that writes a token of this claim into each row it
     * takes; the rows carrying the token are the batch. A row another relay holds is skipped, never shared.
     *
     * <p>Due-ness is read on the service's clock ({@code now}: the sim clock in the sim and demo environments), the
     * claim on the wall clock ({@code leaseNow}, {@code until}): a claim protects a batch while it is being sent, and
     * the sim clock jumping days ahead in the middle of a run must not make the run's own batch look abandoned (it was
     * claimed again and sent twice).
     */
    @Transactional
    List<OutboxMessage> claimDue(Instant now, Instant leaseNow, Instant until, int limit) {
        List<Long> due = repository.findDueIds(now, leaseNow, limit);
        if (due.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        return repository.claim(due, now, leaseNow, until, token) == 0 ? List.of() : repository.findClaimed(token, due);
    }

    /**
     * Records that the server accepted {@code m} at {@code sentAt}: one short append of its own (see V11). The message
     * counts as SENT from here; {@link #foldSent} writes it into its row.
     */
    void markSent(OutboxMessage m, Instant sentAt) {
        repository.insertAccepted(m.id(), m.attempts() + 1, sentAt);
    }

    /**
     * Writes the accepted messages recorded by {@link #markSent} into their rows (SENT, sent_at, attempts), up to
     * {@code limit} of them in one transaction; any relay may fold any node's. Returns how many it folded.
     */
    @Transactional
    int foldSent(int limit) {
        List<OutboxRepository.Accepted> accepted = repository.findAccepted(limit);
        if (accepted.isEmpty()) {
            return 0;
        }
        // One JDBC batch for the rows and one for the log: a batch costs a fraction of as many repository calls.
        int[] updated = jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'SENT', sent_at = ?, attempts = ?, claimed_until = NULL,
                    last_error = NULL
                WHERE id = ? AND status NOT IN ('SENT', 'FAILED')""", ps -> {
            for (OutboxRepository.Accepted a : accepted) {
                ps.setObject(1, a.sentAt().atOffset(ZoneOffset.UTC));
                ps.setInt(2, a.attempts());
                ps.setLong(3, a.messageRow());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        jdbc.prepareStatement("DELETE FROM outbox_accepted WHERE seq = ?", ps -> {
            for (OutboxRepository.Accepted a : accepted) {
                ps.setLong(1, a.seq());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        tellListeners(accepted, updated);
        return accepted.size();
    }

    /** The message ids of the rows this fold turned SENT (a row already SENT or FAILED is left out), to each listener. */
    private void tellListeners(List<OutboxRepository.Accepted> accepted, int[] updated) {
        if (listeners.isEmpty()) {
            return;
        }
        List<Long> rows = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched row: count it as turned.
            if (i >= updated.length || updated[i] != 0) {
                rows.add(accepted.get(i).messageRow());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        List<String> messageIds = repository.findMessageIdByIdIn(rows);
        for (MailSent listener : listeners) {
            listener.sent(messageIds);
        }
    }

    void markRetry(OutboxMessage m, int attempts, Instant nextAttemptAt, String error, Instant failingSince) {
        repository.markRetry(m.id(), attempts, nextAttemptAt, error, failingSince);
    }

    @Transactional
    void markFailed(OutboxMessage m, int attempts, String error) {
        if (repository.markFailed(m.id(), attempts, error) > 0) {
            for (MailSent listener : listeners) {
                listener.givenUp(m.messageId());
            }
        }
    }

    void release(OutboxMessage m) {
        repository.release(m.id());
    }
}
