package org.compact.tracker.support;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A stamp per consultation (V21), moved in the transaction of every change that can alter what the consultation's
 * read shows, and one for the directory, moved by every change to an organisation. A reader that read a
 * consultation's {@link Stamps} before the data may keep what it computed under them, and knows it is stale as soon
 * as either moved, on this node or on any other, because the stamps live in the shared database. Unlike the
 * {@link RegisterStamp}, a change to one consultation leaves every other consultation's kept answer alone, unless the
 * change can alter that consultation's checks (the writer names those: see {@code consultation.OverloadNeighbours}).
 *
 * <p>Values come from a sequence, so a rolled-back change can never hand its value to a later, different change.
 */
@Singleton
public class ConsultationStamps {
    private final ConsultationStampRepository repository;

    ConsultationStamps(ConsultationStampRepository repository) {
        this.repository = repository;
    }

    /** A consultation's stamp and the directory's, read together. */
    public record Stamps(long consultation, long directory) {
    }

    /**
     * The consultation's stamps now; empty when it has no row (a consultation written by something other than the
     * service, such as a bench's bulk load): then nothing may be kept for it.
     */
    public Optional<Stamps> current(long consultationId) {
        Long own = null;
        Long directory = null;
        for (ConsultationStampRow row : repository.findWithDirectory(consultationId)) {
            if (row.consultationId() == 0L) {
                directory = row.stamp();
            } else {
                own = row.stamp();
            }
        }
        return own == null || directory == null ? Optional.empty() : Optional.of(new Stamps(own, directory));
    }

    /** The directory's stamp now (row 0). */
    public long directory() {
        return repository.findById(0L).map(ConsultationStampRow::stamp)
                .orElseThrow(() -> new IllegalStateException("consultation_stamp has no directory row: is V21 applied?"));
    }

    /** Gives a new consultation its stamp, in the transaction that inserts it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void added(long consultationId) {
        repository.add(consultationId);
    }

    /** Moves the stamps of these consultations, in the caller's transaction (so only if the change commits). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void moved(Collection<Long> consultationIds) {
        if (!consultationIds.isEmpty()) {
            repository.move(List.copyOf(new TreeSet<>(consultationIds)));
        }
    }

    /** Moves the stamp of one consultation, in the caller's transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void moved(long consultationId) {
        repository.move(List.of(consultationId));
    }

    /**
     * Moves the directory's stamp: every consultation's kept checks are stale (an organisation's areas, contacts or
     * opt-outs alter which consultations reach it). Joins the caller's transaction, or runs in its own after a change
     * committed alone (moving after the data is safe: a reader keeps nothing under a stamp that has moved).
     */
    @Transactional
    public void directoryMoved() {
        if (repository.moveDirectory() != 1) {
            throw new IllegalStateException("consultation_stamp has no directory row: is the V21 migration applied?");
        }
    }
}
