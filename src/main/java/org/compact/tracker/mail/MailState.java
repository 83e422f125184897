package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What became of one message: for a consultation's delivery list and the notice lead time (from {@code sentAt}).
 * {@code failingSince}, while it is queued, is when the mail server first failed to take it: it is waiting for the
 * server, not for its first try.
 */
@Serdeable
public record MailState(String messageId, MailStatus status, int attempts, @Nullable Instant sentAt,
                        @Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant failingSince) {

    /** Queued, and the mail server has failed to take it at least once (it is waiting for the server). */
    public boolean waitingForServer() {
        return status == MailStatus.QUEUED && failingSince != null;
    }
}
