package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One line of a consultation's audit trail: a transition, a change or an exemption, with who, when and why.
 * {@code detail} holds what was judged at that moment (the checks that did not pass, the fields changed).
 */
@Serdeable
@MappedEntity("consultation_history")
public record HistoryEntry(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        Instant at,
        String actor,
        Kind kind,
        @Schema(nullable = false) @Nullable ConsultationStatus fromStatus,
        @Schema(nullable = false) @Nullable ConsultationStatus toStatus,
        @Nullable String reason,
        @Nullable String detail) {

    /** What happened. */
    public enum Kind { CREATED, UPDATED, NOTIFIED, OPENED, CLOSED, FEEDBACK_GIVEN, WITHDRAWN, EXEMPTION_RECORDED, HELD, ACTION_ADDED, CONSENT_WITHDRAWN,
        /** The notice sent again to the current contacts of organisations it had not reached. */
        NOTICE_RESENT,
        /** A translation of the consultation added or replaced (detail: its language tag). */
        TRANSLATION_SAVED,
        /** A translation of the consultation removed (detail: its language tag). */
        TRANSLATION_REMOVED }
}
