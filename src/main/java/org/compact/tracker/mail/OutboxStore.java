package org.compact.tracker.mail;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The relay's side of the outbox: claims in one short transaction, each outcome in its own (the repository's). */
@Singleton
class OutboxStore {
    private final OutboxRepository repository;

    OutboxStore(OutboxRepository repository) {
        this.repository = repository;
    }

    /**
     * Claims up to {@code limit} queued messages due at {@code now}, oldest first, until {@code until}. Each row is
     * claimed by a conditional UPDATE whose count is checked, so a row another relay holds is skipped, never shared.
     */
    @Transactional
    List<OutboxMessage> claimDue(Instant now, Instant until, int limit) {
        List<Long> due = repository.findDueIds(now, limit);
        List<Long> claimed = new ArrayList<>(due.size());
        for (Long id : due) {
            if (repository.claim(id, now, until) == 1) {
                claimed.add(id);
            }
        }
        return claimed.isEmpty() ? List.of() : repository.findByIdInOrderById(claimed);
    }

    void markSent(OutboxMessage m, Instant sentAt) {
        repository.markSent(m.id(), m.attempts() + 1, sentAt);
    }

    void markRetry(OutboxMessage m, int attempts, Instant nextAttemptAt, String error) {
        repository.markRetry(m.id(), attempts, nextAttemptAt, error);
    }

    void markFailed(OutboxMessage m, int attempts, String error) {
        repository.markFailed(m.id(), attempts, error);
    }

    void release(OutboxMessage m) {
        repository.release(m.id());
    }
}
