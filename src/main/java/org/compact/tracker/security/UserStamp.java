package org.compact.tracker.security;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * A stamp that moves with every change to users, in the transaction of that change (V16): a node that read stamp S
 * before reading users may keep what it read under S, and knows it is stale as soon as the stamp is no longer S, on
 * this node or any other, because the stamp lives in the shared database (as {@code support.RegisterStamp} does for
 * the register).
 *
 * <p>Unlike the register's, writers move it <em>first</em>: the row lock it takes (held to the commit) makes changes
 * to users one at a time across the cluster, so two admins cannot each remove the other's rights in the same moment
 * and leave no admin, and two requests cannot create 'ann' and 'Ann' together. Every user writer takes this lock
 * before any user row, so they never wait on each other in a cycle.
 */
@Singleton
class UserStamp {
    private final UserStampRepository repository;

    UserStamp(UserStampRepository repository) {
        this.repository = repository;
    }

    /** The stamp now. Read it before reading the users kept under it. */
    long current() {
        return repository.findById(1).map(UserStampRow::stamp)
                .orElseThrow(() -> new IllegalStateException("user_stamp has no row: is the V16 migration applied?"));
    }

    /** Moves the stamp; joins the caller's transaction, so it moves only if the change commits. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void moved() {
        if (repository.move() != 1) {
            throw new IllegalStateException("user_stamp has no row: is the V16 migration applied?");
        }
    }
}
