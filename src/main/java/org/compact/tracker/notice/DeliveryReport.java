package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.compact.tracker.mail.MailStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A consultation's mail to organisations: each contact's delivery and the totals, while a fan-out runs and after;
 * and the feedback mail to the people who took part and asked to hear back ({@code participants}, not counted in
 * {@code counts}). {@code organisations}: each organisation sent the notice, when it received it (NOTICE counts from
 * that day) and the first day the consultation may open as far as that organisation goes.
 */
@Serdeable
public record DeliveryReport(Map<String, Long> counts, List<Line> deliveries, List<ParticipantLine> participants,
                             List<OrganisationReceipt> organisations) {

    /** Whether an organisation has its notice: received, still queued (none accepted yet), or every one given up. */
    public enum ReceiptStatus { RECEIVED, QUEUED, FAILED }

    /**
     * One organisation's receipt of the notice: {@code receivedOn} the day (in the service's zone) the mail server
     * accepted the first of its contacts' notices, null while none was; {@code mayOpenFrom} the first day the
     * consultation may open as far as this organisation goes (the rules' NOTICE period from {@code receivedOn}),
     * null while it has not received it.
     */
    @Serdeable
    public record OrganisationReceipt(long organisationId, String name, @Nullable LocalDate receivedOn,
                                      ReceiptStatus status, @Nullable LocalDate mayOpenFrom) {
    }

    /** Each organisation's receipt, from the notice lines (kind NOTICE), by name; no {@code mayOpenFrom} yet. */
    static List<OrganisationReceipt> receipts(List<Line> lines, ZoneId zone) {
        Map<Long, OrganisationReceipt> byOrganisation = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.kind() != NoticeKind.NOTICE) {
                continue;
            }
            LocalDate received = l.sentAt() == null ? null : LocalDate.ofInstant(l.sentAt(), zone);
            ReceiptStatus status = received != null ? ReceiptStatus.RECEIVED
                    : l.status() == MailStatus.FAILED ? ReceiptStatus.FAILED : ReceiptStatus.QUEUED;
            byOrganisation.merge(l.organisationId(), new OrganisationReceipt(l.organisationId(), l.organisationName(),
                    received, status, null), DeliveryReport::earlier);
        }
        return byOrganisation.values().stream().sorted(Comparator.comparing(OrganisationReceipt::name,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(OrganisationReceipt::organisationId))
                .toList();
    }

    /** Of two notices of one organisation: the earlier receipt; else still queued rather than given up. */
    private static OrganisationReceipt earlier(OrganisationReceipt a, OrganisationReceipt b) {
        if (a.receivedOn() != null || b.receivedOn() != null) {
            return b.receivedOn() == null || (a.receivedOn() != null && !a.receivedOn().isAfter(b.receivedOn())) ? a : b;
        }
        return a.status() == ReceiptStatus.QUEUED ? a : b;
    }

    /** The same report with each organisation's {@code mayOpenFrom} worked out by {@code mayOpenFrom} (the rules'). */
    public DeliveryReport withMayOpenFrom(Function<OrganisationReceipt, LocalDate> mayOpenFrom) {
        return new DeliveryReport(counts, deliveries, participants, organisations.stream()
                .map(o -> new OrganisationReceipt(o.organisationId(), o.name(), o.receivedOn(), o.status(),
                        o.receivedOn() == null ? null : mayOpenFrom.apply(o)))
                .toList());
    }

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
                .map(l -> new ParticipantLine(null, l.status(), l.sentAt(), l.attempts(), null)).toList(),
                organisations);
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
