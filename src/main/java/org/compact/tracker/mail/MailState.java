package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What became of one message: for a consultation's delivery list and the notice lead time (from {@code sentAt}). */
@Serdeable
public record MailState(String messageId, MailStatus status, int attempts, @Nullable Instant sentAt,
                        @Nullable Instant nextAttemptAt, @Nullable String lastError) {
}
