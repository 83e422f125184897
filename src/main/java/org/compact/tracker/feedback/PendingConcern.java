package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A concern raised through the public form, held until the sender confirms it through the link mailed to
 * {@code email} (then {@code concernId} names the concern it became), or deleted once {@code confirmUntil} has passed.
 */
@MappedEntity("concern_pending")
record PendingConcern(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        String senderName,
        @Nullable String organisationName,
        String email,
        ConcernKind kind,
        String text,
        Instant requestedAt,
        Instant confirmUntil,
        @Nullable Long concernId) {
}
