package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One row of the outbox: the message as it will be sent (attachments as JSON with base64 content, headers as a JSON
 * object) and where its delivery stands. Written by {@link Outbox}, moved on only by {@link MailRelay}.
 */
@MappedEntity("outbox_message")
record OutboxMessage(
        @Id @GeneratedValue @Nullable Long id,
        String messageId,
        String category,
        String recipient,
        String subject,
        String textBody,
        @Nullable String htmlBody,
        String attachments,
        String headers,
        @Nullable String reference,
        MailStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant claimedUntil,
        @Nullable Instant sentAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant failingSince) {

    MailState state() {
        return new MailState(messageId, status, attempts, sentAt, status == MailStatus.QUEUED ? nextAttemptAt : null,
                lastError, status == MailStatus.QUEUED ? failingSince : null);
    }

    /** The message as the caller queued it, for the senders. */
    OutgoingMail mail() {
        return new OutgoingMail(messageId, category, recipient, subject, textBody, htmlBody,
                MailCodec.readAttachments(attachments), MailCodec.readHeaders(headers), reference);
    }
}
