package org.compact.tracker.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * A stamp that moves with every change to the register (consultations, their exemptions and feedback, the
 * organisation directory), in the transaction of that change: a reader that read stamp S before reading the data may
 * keep what it computed under S, and knows it is stale as soon as the stamp is no longer S, on this node or on any
 * other node of the cluster, because the stamp lives in the shared database.
 *
 * <p>Writers call {@link #moved()} as the <em>last</em> statement of their change, so the row lock it takes (held to
 * the commit) is always taken after the locks on the data, and two writers never wait on each other in a cycle.
 * Values come from a sequence, so a rolled-back change can never hand its value to a later, different change.
 */
@Singleton
public class RegisterStamp {
    private final RegisterStampRepository repository;

    RegisterStamp(RegisterStampRepository repository) {
        this.repository = repository;
    }

    /** The stamp now. Read it before reading the data that an answer kept under it is computed from. */
    public long current() {
        return repository.findById(1).map(RegisterStampRow::stamp)
                .orElseThrow(() -> new IllegalStateException("register_stamp has no row: is the V10 migration applied?"));
    }

    /** Moves the stamp; joins the caller's transaction, so it moves only if the change commits. */
    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public void moved() {
        if (repository.move() != 1) {
            throw new IllegalStateException("register_stamp has no row: is the V10 migration applied?");
        }
    }
}
