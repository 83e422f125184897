package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.MailState;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * When each organisation a consultation notified received its notice: the moment the mail server accepted the first
 * of its contacts' notices ({@code sentAt} in the outbox), the one NOTICE counts from. And a notice sent again to an
 * organisation's current contacts, when the first never arrived.
 */
@Singleton
public class NoticeReceipts {
    private final DeliveryRepository deliveries;
    private final Addressees addressees;
    private final NoticeComposer composer;
    private final Outbox outbox;
    private final Clock clock;

    NoticeReceipts(DeliveryRepository deliveries, Addressees addressees, NoticeComposer composer, Outbox outbox,
                   Clock clock) {
        this.deliveries = deliveries;
        this.addressees = addressees;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * One organisation's receipt: {@code receivedAt} the earliest acceptance of any of its notices, null while none
     * was accepted; {@code givenUp} then says every one of them was given up (FAILED), none still queued.
     */
    @Serdeable
    public record Receipt(long organisationId, String name, @Nullable Instant receivedAt, boolean givenUp) {
    }

    /** Each organisation sent a notice of the consultation, by name. */
    public List<Receipt> of(long consultationId) {
        List<Delivery> notices = deliveries.findByConsultationIdAndKindOrderById(consultationId, NoticeKind.NOTICE);
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<String, MailState> states = outbox.states(notices.stream().map(Delivery::messageId).toList());
        Map<Long, Instant> received = new LinkedHashMap<>();
        Map<Long, Boolean> allFailed = new LinkedHashMap<>();
        for (Delivery d : notices) {
            MailState s = states.get(d.messageId());
            allFailed.merge(d.organisationId(), s != null && s.status() == MailStatus.FAILED, Boolean::logicalAnd);
            if (s != null && s.sentAt() != null) {
                received.merge(d.organisationId(), s.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Function<Long, String> names = addressees.names();
        return allFailed.keySet().stream()
                .map(id -> new Receipt(id, nameOf(names, id), received.get(id),
                        !received.containsKey(id) && allFailed.get(id)))
                .sorted(Comparator.comparing(Receipt::name).thenComparing(Receipt::organisationId))
                .toList();
    }

    /** What a resend queued. */
    @Serdeable
    public record Resent(int organisations, int contacts) {
    }

    /**
     * Sends the notice again to the current contacts of {@code organisationIds} (each targeted by the consultation,
     * not opted out, with a contact that can be mailed), as a fresh message ({@code key} makes it one of its own).
     * Refused (422) naming every id that cannot be sent to, before anything is queued.
     */
    @Transactional
    public Resent resend(NoticeContent content, Targets targets, @Nullable List<Long> organisationIds, long key) {
        if (organisationIds == null || organisationIds.isEmpty()) {
            throw Refusal.invalid("organisationIds", "Name at least one organisation to send the notice to again.");
        }
        Map<Long, Recipient> targeted = new LinkedHashMap<>();
        for (Recipient r : addressees.ofNotice(targets, content.themes())) {
            targeted.put(r.organisationId(), r);
        }
        Set<String> unsubscribed = addressees.unsubscribed(targeted.keySet());
        List<FieldError> errors = new ArrayList<>();
        List<Recipient> to = new ArrayList<>();
        for (int i = 0; i < organisationIds.size(); i++) {
            Long id = organisationIds.get(i);
            Recipient r = id == null ? null : targeted.get(id);
            String field = "organisationIds[" + i + "]";
            if (r == null) {
                errors.add(FieldError.of(field, "Organisation " + id + " is not one this consultation asks."));
            } else if (r.optedOut()) {
                errors.add(FieldError.of(field, r.name() + " (organisation " + id + ") opted out of these notices."));
            } else if (r.emails().stream().allMatch(e -> unsubscribed.contains(Addressees.key(id, e)))) {
                errors.add(FieldError.of(field, r.name() + " (organisation " + id + ") has no contact that may be "
                        + "mailed: correct its contacts first."));
            } else if (to.stream().noneMatch(t -> t.organisationId() == id)) {
                to.add(r);
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Instant now = clock.instant();
        int contacts = 0;
        for (Recipient r : to) {
            for (String email : r.emails()) {
                if (unsubscribed.contains(Addressees.key(r.organisationId(), email))) {
                    continue;
                }
                String messageId = composer.messageId("notice", content.consultationId(), "r" + key, r.organisationId(),
                        email);
                if (deliveries.existsByMessageId(messageId)) {
                    continue;
                }
                Delivery d = deliveries.save(new Delivery(null, content.consultationId(), r.organisationId(), email,
                        NoticeKind.NOTICE, messageId, now, null, null, null));
                outbox.enqueue(composer.notice(content, r, email, messageId, d.id()));
                contacts++;
            }
        }
        return new Resent(to.size(), contacts);
    }

    private static String nameOf(Function<Long, String> names, long id) {
        String name = names.apply(id);
        return name == null ? "Organisation " + id : name;
    }
}
