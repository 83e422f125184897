package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A concern an organisation raised about a consultation through the signed link in its notice ("we got no notice",
 * "no feedback yet", …), open until an officer answers it (seed 004, resolving disputes).
 */
@MappedEntity("concern")
public record Concern(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        Long organisationId,
        String email,
        ConcernKind kind,
        String text,
        Instant raisedAt,
        @Nullable String answer,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt) {

    public boolean open() {
        return answeredAt == null;
    }
}
