package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A concern about a consultation ("we got no notice", "no feedback yet", a comment on a plan, …), open until an
 * officer answers it (seed 004, resolving disputes). An organisation raises one through the signed link in its
 * notice ({@code organisationId} set); anyone may raise one through the public form, confirmed by a link mailed to
 * the address ({@code organisationId} null, {@code senderName} and the {@code organisationName} they typed, if any).
 */
@MappedEntity("concern")
public record Concern(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        @Nullable Long organisationId,
        String email,
        ConcernKind kind,
        String text,
        Instant raisedAt,
        @Nullable String answer,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt,
        @Nullable String senderName,
        @Nullable String organisationName) {

    @Creator
    public Concern {
    }

    /** A concern of an organisation of the directory, raised through its link (no sender's name of its own). */
    public Concern(@Nullable Long id, Long consultationId, @Nullable Long organisationId, String email, ConcernKind kind,
                   String text, Instant raisedAt, @Nullable String answer, @Nullable String answeredBy,
                   @Nullable Instant answeredAt) {
        this(id, consultationId, organisationId, email, kind, text, raisedAt, answer, answeredBy, answeredAt, null, null);
    }

    public boolean open() {
        return answeredAt == null;
    }
}
