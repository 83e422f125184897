package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.compact.tracker.mail.MailStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A consultation's mail to organisations: each contact's delivery and the totals, while a fan-out runs and after;
 * and the feedback mail to the people who took part and asked to hear back ({@code participants}, not counted in
 * {@code counts}).
 */
@Serdeable
public record DeliveryReport(Map<String, Long> counts, List<Line> deliveries, List<ParticipantLine> participants) {

    /**
     * One contact's mail: queued, sent (accepted by the SMTP server, with the time), failed (why), and the reply.
     * {@code waitingForServerSince}: while queued, when the mail server first failed to take it (it is still tried).
     */
    @Serdeable
    public record Line(Long id, Long organisationId, String organisationName, String email, NoticeKind kind,
                       MailStatus status, @Nullable Instant sentAt, int attempts, @Nullable String failure,
                       @Schema(nullable = false) @Nullable Reply reply, @Nullable String replyNote, @Nullable Instant repliedAt,
                       @Nullable Instant waitingForServerSince) {
    }

    /**
     * The same report with each participant's address and failure (which may quote the address) left out: for a
     * reader who may not see who took part.
     */
    public DeliveryReport withParticipantsHidden() {
        return new DeliveryReport(counts, deliveries, participants.stream()
                .map(l -> new ParticipantLine(null, l.status(), l.sentAt(), l.attempts(), null)).toList());
    }

    /**
     * The feedback mail to one person who took part: queued, sent (with the time), or failed (why). {@code email}
     * is null for a reader who may not see who took part.
     */
    @Serdeable
    public record ParticipantLine(@Nullable String email, MailStatus status, @Nullable Instant sentAt, int attempts,
                                  @Nullable String failure) {
    }
}
