package org.compact.tracker.notice;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.MailState;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.support.ConsultationStamps;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queues the mail that keeps organisations informed, in the caller's transaction (so a notice exists exactly when
 * the consultation is notified), and answers what became of it. Opted-out organisations (OPT_OUT) and unsubscribed
 * contacts are never mailed.
 */
@Singleton
public class NoticeService {
    private final DeliveryRepository deliveries;
    private final ContactOptOutRepository optOuts;
    private final Addressees addressees;
    private final OfficerAlertRepository alerts;
    private final NoticeComposer composer;
    private final Outbox outbox;
    private final LinkSigner signer;
    private final Links links;
    private final Digests digests;
    private final Clock clock;
    private final ConsultationStamps stamps;

    NoticeService(DeliveryRepository deliveries, ContactOptOutRepository optOuts, Addressees addressees,
                  OfficerAlertRepository alerts, NoticeComposer composer, Outbox outbox, LinkSigner signer, Links links,
                  Digests digests, Clock clock, ConsultationStamps stamps) {
        this.deliveries = deliveries;
        this.optOuts = optOuts;
        this.addressees = addressees;
        this.alerts = alerts;
        this.composer = composer;
        this.outbox = outbox;
        this.signer = signer;
        this.links = links;
        this.digests = digests;
        this.clock = clock;
        this.stamps = stamps;
    }

    /** What a fan-out queued. */
    @io.micronaut.serde.annotation.Serdeable
    public record Queued(int organisations, int contacts, int optedOutOrganisations, int unsubscribedContacts) {
    }

    /**
     * The names of the organisations {@code targets} asks that have not been sent the notice and would be now (not
     * opted out): those a change after notice adds.
     */
    public List<String> notYetNotified(long consultationId, Targets targets, List<String> themes) {
        return addressees.notYetNotified(consultationId, targets, themes);
    }

    /**
     * Queues one notice per contact of every organisation {@code targets} asks that has not opted out (of all
     * notices or of one of the consultation's themes) and not been sent it already; unsubscribed contacts are skipped.
     */
    @Transactional
    public Queued queueNotices(NoticeContent content, Targets targets) {
        List<Recipient> recipients = addressees.ofNotice(targets, content.themes());
        Set<String> unsubscribed = addressees.unsubscribed(recipients.stream().map(Recipient::organisationId).toList());
        Set<Long> weekly = digests.weekly(recipients.stream().filter(r -> !r.optedOut()).map(Recipient::organisationId).toList());
        String urgent = weekly.isEmpty() ? null : digests.mustGoNow(NoticeKind.NOTICE, content, false);
        int organisations = 0;
        int contacts = 0;
        int optedOut = 0;
        int skipped = 0;
        Instant now = clock.instant();
        for (Recipient r : recipients) {
            if (r.optedOut()) {
                optedOut++;
                continue;
            }
            boolean any = false;
            for (String email : r.emails()) {
                if (unsubscribed.contains(Addressees.key(r.organisationId(), email))) {
                    skipped++;
                    continue;
                }
                String messageId = composer.messageId("notice", content.consultationId(), null, r.organisationId(), email);
                if (deliveries.existsByMessageId(messageId) || digests.held(messageId)) {
                    continue;
                }
                Delivery d = deliveries.save(new Delivery(null, content.consultationId(), r.organisationId(), email,
                        NoticeKind.NOTICE, messageId, now, null, null, null));
                digests.queue(weekly.contains(r.organisationId()), urgent, NoticeKind.NOTICE, content, r, d, d.id(),
                        List.of(), () -> composer.notice(content, r, email, messageId, d.id()));
                contacts++;
                any = true;
            }
            if (any) {
                organisations++;
            }
        }
        return new Queued(organisations, contacts, optedOut, skipped);
    }

    /**
     * Tells every contact already notified what changed of the fields named in {@code changedFields}, those they
     * planned around ({@link ChangeWording}); {@code changeKey} makes each change a message of its own. Contacts who
     * unsubscribed, organisations that opted out since (of all mail or of one of the consultation's themes), and
     * contacts whose notice could not be delivered are left alone. Nothing is sent for a change they do not hear of.
     */
    @Transactional
    public int queueChange(NoticeContent content, long changeKey, List<String> changedFields) {
        List<String> changes = ChangeWording.of(content, changedFields);
        boolean dates = changedFields.stream().anyMatch(f -> List.of("opensOn", "closesOn", "decisionDate").contains(f));
        return changes.isEmpty() ? 0 : queueChangeLines(content, changeKey, changes, dates);
    }

    /** Tells every contact already notified that the consultation closed early, on {@code on}. */
    @Transactional
    public int queueClosedEarly(NoticeContent content, long changeKey, LocalDate on, LocalDate planned) {
        return queueChangeLines(content, changeKey, ChangeWording.closedEarly(on, planned), true);
    }

    /** Tells every contact already notified that it opened on {@code on}, not on {@code planned} as its notice said. */
    @Transactional
    public int queueOpenedOn(NoticeContent content, long changeKey, LocalDate on, LocalDate planned) {
        return queueChangeLines(content, changeKey, ChangeWording.openedOn(on, planned), true);
    }

    private int queueChangeLines(NoticeContent content, long changeKey, List<String> changes, boolean dates) {
        return toNotified(content, addressees.following(content.themes()), NoticeKind.CHANGE, changeKey,
                (r, email, id, notice) -> composer.change(content, r, email, id, changes),
                digests.mustGoNow(NoticeKind.CHANGE, content, dates), changes);
    }

    /** Tells every contact already notified that the consultation was withdrawn, and why. */
    @Transactional
    public int queueWithdrawal(NoticeContent content, String reason) {
        return toNotified(content, addressees.following(content.themes()), NoticeKind.WITHDRAWAL, null,
                (r, email, id, notice) -> composer.withdrawal(content, r, email, id, reason),
                digests.mustGoNow(NoticeKind.WITHDRAWAL, content, false), List.of(reason));
    }

    /**
     * Sends feedback to every contact notified (unless the organisation opted out or the contact unsubscribed since)
     * and every participant who consented to hear back, once each whatever re-runs: returns how many were queued.
     */
    @Transactional
    public int queueFeedback(NoticeContent content, FeedbackContent feedback, List<ParticipantContact> participants) {
        // Feedback is owed whatever the themes: only an organisation that opted out of all mail is left out.
        int queued = toNotified(content, addressees.following(List.of()), NoticeKind.FEEDBACK, null,
                (r, email, id, notice) -> composer.feedback(content, feedback, r.name(), email, id,
                        links.unsubscribe(r.organisationId(), email), links.preferences(r.organisationId(), email),
                        links.concern(notice, email), links.calendarFeed(r.organisationId(), email)), "", List.of());
        Set<String> done = new HashSet<>();
        for (ParticipantContact p : participants) {
            String email = p.email().toLowerCase(Locale.ROOT);
            if (!done.add(email)) {
                continue;
            }
            String messageId = composer.participantFeedbackId(content.consultationId(), p.id(), email);
            outbox.enqueue(composer.feedback(content, feedback, p.name(), p.email(), messageId, p.withdrawLink(),
                    null, null, null));
            queued++;
        }
        return queued;
    }

    /**
     * Mails an alert (notice deadline near, breach) once per consultation, kind and due key, whatever re-runs:
     * returns false when it was already sent.
     */
    @Transactional
    public boolean alertOnce(long consultationId, String kind, String dueKey, List<String> to, String subject, String text) {
        if (alerts.existsByConsultationIdAndKindAndDueKey(consultationId, kind, dueKey)) {
            return false;
        }
        alerts.save(new OfficerAlert(null, consultationId, kind, dueKey, clock.instant()));
        for (String address : new HashSet<>(to)) {
            outbox.enqueue(composer.alert(composer.alertId(kind, consultationId, dueKey, address), address, subject, text));
        }
        return true;
    }

    /** Each contact's mail about a consultation, with the outbox's word on what became of it. */
    public DeliveryReport report(long consultationId) {
        Function<Long, String> organisationNames = addressees.names();
        List<Delivery> all = deliveries.findByConsultationIdOrderById(consultationId);
        Map<String, MailState> states = outbox.states(all.stream().map(Delivery::messageId).toList());
        List<DeliveryReport.Line> lines = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        java.util.Arrays.stream(MailStatus.values()).forEach(s -> counts.put(s.name(), 0L));
        counts.put("ACKNOWLEDGED", 0L);
        for (Delivery d : all) {
            MailState state = states.get(d.messageId());
            MailStatus status = state == null ? MailStatus.QUEUED : state.status();
            counts.merge(status.name(), 1L, Long::sum);
            counts.merge("ACKNOWLEDGED", d.reply() != null ? 1L : 0L, Long::sum);
            lines.add(new DeliveryReport.Line(d.id(), d.organisationId(), organisationNames.apply(d.organisationId()),
                    d.email(), d.kind(), status, state == null ? null : state.sentAt(),
                    state == null ? 0 : state.attempts(), status == MailStatus.FAILED ? state.lastError() : null,
                    d.reply(), d.replyNote(), d.repliedAt(),
                    state != null && state.waitingForServer() ? state.failingSince() : null));
        }
        counts.put("TOTAL", (long) all.size());
        List<DeliveryReport.ParticipantLine> participants = new ArrayList<>();
        outbox.recipients(NoticeComposer.reference(consultationId), NoticeKind.FEEDBACK.name(),
                composer.participantFeedbackPrefix(consultationId)).forEach((email, state) ->
                participants.add(new DeliveryReport.ParticipantLine(email, state.status(), state.sentAt(),
                        state.attempts(), state.status() == MailStatus.FAILED ? state.lastError() : null)));
        return new DeliveryReport(counts, lines, participants, DeliveryReport.receipts(lines, clock.getZone()));
    }

    /**
     * The notices (of every consultation) the mail server has failed to take and that are still being tried: how
     * many, of how many consultations, since when; empty when none waits for the server.
     */
    public java.util.Optional<org.compact.tracker.mail.MailWaiting> noticesWaitingForMailServer() {
        return outbox.waitingForServer(NoticeKind.NOTICE.name());
    }

    /** Records a one-click reply from a signed link. */
    @Transactional
    public Delivery reply(String token, Reply answer, @Nullable String note) {
        LinkSigner.Link link = signer.verify(token, Links.REPLY)
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
        Delivery d = deliveries.findById(link.subject())
                .filter(x -> x.email().equalsIgnoreCase(link.email()))
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
        org.compact.tracker.support.Text.plain("note", note);
        String cleaned = note == null || note.isBlank() ? null : note.strip();
        if (cleaned != null && cleaned.length() > 2000) {
            throw Refusal.invalid("note", "must be at most 2000 characters");
        }
        return deliveries.update(d.withReply(answer, cleaned, clock.instant()));
    }

    /**
     * One-click unsubscribe (RFC 8058): this contact of this organisation is never mailed again. One insert, in its
     * own transaction: when a mail program's one-click POST and the person's own click arrive together, the second
     * meets the first's row (the unique constraint) and finds the contact already unsubscribed.
     */
    public LinkSigner.Link unsubscribe(String token) {
        LinkSigner.Link link = link(token, Links.UNSUBSCRIBE);
        String email = link.email().toLowerCase(Locale.ROOT);
        if (!optOuts.existsByOrganisationIdAndEmail(link.subject(), email)) {
            try {
                optOuts.save(new ContactOptOut(null, link.subject(), email, clock.instant()));
                stamps.directoryMoved(); // INCLUSION counts only the organisations a notice would still reach
            } catch (DataAccessException raced) {
                if (!optOuts.existsByOrganisationIdAndEmail(link.subject(), email)) {
                    throw raced;
                }
            }
        }
        return link;
    }

    /**
     * Undoes an unsubscribe, with the same link (it proves the same thing: that the mail reached this address): this
     * contact of this organisation is sent consultation mail again from the next mail on. Doing it twice, or for a
     * contact that never unsubscribed, changes nothing.
     */
    @Transactional
    public LinkSigner.Link resubscribe(String token) {
        LinkSigner.Link link = link(token, Links.UNSUBSCRIBE);
        optOuts.deleteByOrganisationIdAndEmail(link.subject(), link.email().toLowerCase(Locale.ROOT));
        stamps.directoryMoved();
        return link;
    }

    /** Whether the contact an unsubscribe link is for has unsubscribed. */
    public boolean isUnsubscribed(LinkSigner.Link link) {
        return optOuts.existsByOrganisationIdAndEmail(link.subject(), link.email().toLowerCase(Locale.ROOT));
    }

    /** The link a token stands for, or a 403 refusal when it is forged, for another purpose or expired. */
    public LinkSigner.Link link(String token, String purpose) {
        return signer.verify(token, purpose)
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
    }

    /** The delivery a reply link stands for (its consultation, organisation and contact), or 403. */
    public Delivery deliveryOf(String replyToken) {
        return delivery(link(replyToken, Links.REPLY));
    }

    /**
     * The delivery a concern link stands for, or 403. A reply token is taken too: the concern links of notices sent
     * before concern links had a purpose of their own carry one, as does the organisation's own page.
     */
    public Delivery concernDeliveryOf(@Nullable String token) {
        LinkSigner.Link link = signer.verify(token, Links.CONCERN).or(() -> signer.verify(token, Links.REPLY))
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
        return delivery(link);
    }

    private Delivery delivery(LinkSigner.Link link) {
        return deliveries.findById(link.subject()).filter(d -> d.email().equalsIgnoreCase(link.email()))
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
    }

    /** The organisation and contact a preferences link is for. */
    public LinkSigner.Link preferencesLink(String token) {
        return signer.verify(token, Links.PREFERENCES)
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired; ask for a new one."));
    }

    /** The consultations an organisation received mail about, newest first, for its own page. */
    public List<Delivery> receivedBy(long organisationId) {
        return deliveries.findByOrganisationIdOrderByIdDesc(organisationId);
    }

    /** One mail an organisation received, what became of it (sent when, or not yet), whether held for its digest. */
    public record Received(Delivery delivery, MailStatus status, @Nullable Instant sentAt, boolean held) {
    }

    /** The mail an organisation received, newest first, each with its outbox state. */
    public List<Received> receivedWithState(long organisationId) {
        List<Delivery> all = receivedBy(organisationId);
        Map<String, MailState> states = outbox.states(all.stream().map(Delivery::messageId).toList());
        return all.stream().map(d -> {
            MailState s = states.get(d.messageId());
            return new Received(d, s == null ? MailStatus.QUEUED : s.status(), s == null ? null : s.sentAt(), s == null);
        }).toList();
    }

    /** The addresses of an organisation that unsubscribed (lower case): they are sent nothing more. */
    public Set<String> unsubscribedContacts(long organisationId) {
        return optOuts.findByOrganisationIdInList(List.of(organisationId)).stream()
                .map(o -> o.email().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /**
     * The reply token of one of an organisation's notices, for the organisation's own page opened with
     * {@code preferences}: the same token the notice's reply and concern links carry, but valid no longer than the
     * preferences link, and refused (403) for a delivery of another organisation.
     */
    public String replyToken(LinkSigner.Link preferences, Delivery d) {
        if (!Links.PREFERENCES.equals(preferences.purpose()) || d.organisationId() != preferences.subject()) {
            throw Refusal.forbidden("This link is not valid or has expired.");
        }
        return signer.sign(Links.REPLY, d.id(), d.email(), preferences.expires());
    }

    /** Writes one mail to a contact that was notified; {@code noticeId} is the delivery of that notice. */
    private interface Compose {
        org.compact.tracker.mail.OutgoingMail mail(Recipient r, String email, String messageId, long noticeId);
    }

    /**
     * {@code urgent}: why this mail cannot wait for a WEEKLY organisation's digest, or null when it is held for it
     * ({@code lines}: what the digest item says changed, or why it was withdrawn).
     */
    private int toNotified(NoticeContent content, Function<Long, Recipient> directory, NoticeKind kind,
                           @Nullable Long changeKey, Compose compose, @Nullable String urgent, List<String> lines) {
        List<Delivery> notified = deliveries.findByConsultationIdAndKindOrderById(content.consultationId(), NoticeKind.NOTICE);
        // A notice the relay gave up on (FAILED) told nobody: what follows it is not sent either. One still on its way
        // (QUEUED) is followed: its calendar's SEQUENCE lets the later mail win whichever arrives first.
        Map<String, MailState> noticeStates = outbox.states(notified.stream().map(Delivery::messageId).toList());
        Set<String> unsubscribed = addressees.unsubscribed(notified.stream().map(Delivery::organisationId).distinct().toList());
        Set<Long> weekly = urgent != null && urgent.isEmpty() ? Set.of()
                : digests.weekly(notified.stream().map(Delivery::organisationId).distinct().toList());
        Instant now = clock.instant();
        int queued = 0;
        for (Delivery n : notified) {
            Recipient r = directory.apply(n.organisationId());
            MailState notice = noticeStates.get(n.messageId());
            if (r == null || r.optedOut() || unsubscribed.contains(Addressees.key(n.organisationId(), n.email()))
                    || (notice != null && notice.status() == MailStatus.FAILED)) {
                continue;
            }
            String messageId = composer.messageId(kind.name(), content.consultationId(), changeKey, n.organisationId(), n.email());
            if (deliveries.existsByMessageId(messageId) || digests.held(messageId)) {
                continue;
            }
            Delivery d = deliveries.save(new Delivery(null, content.consultationId(), n.organisationId(), n.email(),
                    kind, messageId, now, null, null, null));
            digests.queue(weekly.contains(n.organisationId()), urgent, kind, content, r, d, n.id(), lines,
                    () -> compose.mail(r, d.email(), messageId, n.id()));
            queued++;
        }
        return queued;
    }

}
