package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One notice, change or withdrawal a contact of a WEEKLY organisation is owed, held for its next digest: what the
 * digest says of it (text and HTML, with its links), and its calendar events. {@code itemKey} is the message id it
 * would have had as a mail of its own; {@code sentIn} the digest's message id, null while it waits.
 */
@MappedEntity("digest_item")
public record DigestItem(
        @Id @GeneratedValue @Nullable Long id,
        Long deliveryId,
        Long consultationId,
        Long organisationId,
        String email,
        String recipientName,
        NoticeKind kind,
        String itemKey,
        Instant queuedAt,
        String title,
        String textBody,
        String htmlBody,
        String calendar,
        @Nullable String sentIn) {
}
