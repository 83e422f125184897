package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One mail to one contact of one organisation about one consultation. Its outbox message tells when the SMTP
 * server accepted it: the organisation's notice lead time is measured from that moment, not from the click.
 */
@MappedEntity("delivery")
public record Delivery(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        Long organisationId,
        String email,
        NoticeKind kind,
        String messageId,
        Instant queuedAt,
        @Nullable Reply reply,
        @Nullable String replyNote,
        @Nullable Instant repliedAt) {

    Delivery withReply(Reply answer, @Nullable String note, Instant at) {
        return new Delivery(id, consultationId, organisationId, email, kind, messageId, queuedAt, answer, note, at);
    }
}
