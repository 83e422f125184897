package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A person or group who took part in a consultation and agreed to hear back: they receive its feedback until they
 * withdraw that consent by the link in the mail. The email is kept in lower case, one per consultation.
 */
@Serdeable
@MappedEntity("participant")
public record Participant(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        String name,
        String email,
        Source source,
        Instant consentAt,
        @Nullable Instant consentWithdrawnAt,
        String addedBy,
        Instant addedAt) {

    /** How the participant came to be listed. */
    public enum Source {
        /** Added one by one by an officer. */
        OFFICER,
        /** Imported from a CSV file (an attendance list, a survey export). */
        CSV
    }

    /** Whether they still agree to hear back. */
    public boolean consenting() {
        return consentWithdrawnAt == null;
    }

    Participant withdrawn(Instant at) {
        return new Participant(id, consultationId, name, email, source, consentAt, at, addedBy, addedAt);
    }
}
