package org.compact.tracker.consultation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.security.Actor;

import java.util.List;

/**
 * A consultation's audit trail as the features built on the register read and add to it: every step, change and
 * exemption is written by the register itself; feedback adds the actions promised later and consent withdrawn.
 */
@Singleton
public class ConsultationHistory {
    private final ConsultationStore store;

    ConsultationHistory(ConsultationStore store) {
        this.store = store;
    }

    public List<HistoryEntry> of(Long id) {
        store.load(id);
        return store.history(id);
    }

    /**
     * A line in the history for an action promised after the feedback was given. Called by the feedback feature
     * inside the transaction that saves the action, after it checked the actor and the action.
     */
    @Transactional
    public HistoryEntry actionAdded(Actor actor, Long id, String reason, Object detail) {
        Consultation c = store.load(id);
        actor.requireMayActForAny(Lifecycle.agencies(c));
        HistoryEntry saved = store.record(c, actor, HistoryEntry.Kind.ACTION_ADDED, null, null, reason, detail);
        ConsultationStore.log(c, "action added by {}", actor.username());
        return saved;
    }

    /**
     * A line in the history for a participant's consent withdrawn by an officer on their behalf. Called by the
     * feedback feature inside the transaction that withdraws it.
     */
    @Transactional
    public HistoryEntry consentWithdrawn(Actor actor, Long id, String reason, Object detail) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        HistoryEntry saved = store.record(c, actor, HistoryEntry.Kind.CONSENT_WITHDRAWN, null, null, reason, detail);
        ConsultationStore.log(c, "a participant's consent withdrawn by {}", actor.username());
        return saved;
    }
}
