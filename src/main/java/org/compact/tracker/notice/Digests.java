package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.rules.RuleBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The weekly digest, for organisations whose {@code mail} is WEEKLY: whether an item must go at once (the digest
 * never costs notice), holding the others in the transaction of the step that causes them, and turning one contact's
 * held items into one digest in the outbox, exactly once whatever nodes run at the same moment.
 */
@Singleton
public class Digests {
    /** A withdrawal or change of dates this close (in days) goes at once. */
    static final int SOON_DAYS = 7;

    private final DigestItemRepository items;
    private final Directory directory;
    private final DigestSchedule schedule;
    private final DigestComposer composer;
    private final ContactOptOutRepository optOuts;
    private final Outbox outbox;
    private final RuleBook rules;
    private final Clock clock;

    Digests(DigestItemRepository items, Directory directory, DigestSchedule schedule, DigestComposer composer,
            ContactOptOutRepository optOuts, Outbox outbox, RuleBook rules, Clock clock) {
        this.items = items;
        this.directory = directory;
        this.schedule = schedule;
        this.composer = composer;
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
    }

    /** Which of these organisations chose one mail a week. */
    Set<Long> weekly(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? Set.of() : directory.weekly(organisationIds);
    }

    /** Whether a message with this id was held for a digest (it then is not queued again). */
    boolean held(String itemKey) {
        return items.existsByItemKey(itemKey);
    }

    /**
     * Why an item of this kind about {@code c} cannot wait for the next digest, in words for the mail that goes at
     * once instead; null when it can wait. A notice cannot when receiving it at the next digest would leave less than
     * the notice period before it opens (NOTICE counts from receipt); a withdrawal when the consultation is open or
     * opens within seven days; a change of dates ({@code datesChanged}) when its dates fall within seven days.
     */
    @Nullable
    String mustGoNow(NoticeKind kind, NoticeContent c, boolean datesChanged) {
        LocalDate today = LocalDate.now(clock);
        ZonedDateTime next = schedule.next(clock.instant());
        return switch (kind) {
            case NOTICE -> c.opensOn() != null && rules.mayOpenOn(next.toLocalDate(), c.opensOn(), false).failed()
                    ? "You asked for one summary a week, but this notice comes at once: waiting for the summary of "
                    + DigestComposer.day(next.toLocalDate()) + " would leave you less than "
                    + rules.noticePeriodInWords() + " of notice before it opens on " + DigestComposer.day(c.opensOn())
                    + "." : null;
            case WITHDRAWAL -> c.opensOn() != null && ChronoUnit.DAYS.between(today, c.opensOn()) <= SOON_DAYS
                    ? "You asked for one summary a week, but this withdrawal comes at once: the consultation "
                    + (c.opensOn().isAfter(today) ? "was to open within " + SOON_DAYS + " days." : "had already opened.")
                    : null;
            case CHANGE -> datesChanged && Stream.of(c.opensOn(), c.closesOn(), c.decisionDate())
                    .anyMatch(d -> d != null && Math.abs(ChronoUnit.DAYS.between(today, d)) <= SOON_DAYS)
                    ? "You asked for one summary a week, but this change comes at once: it changes dates within the next "
                    + SOON_DAYS + " days." : null;
            default -> "";
        };
    }

    /**
     * Queues one contact's mail: held for the digest when its organisation is {@code weekly} and it can wait
     * ({@code urgent} null), otherwise in the outbox at once, saying why when the organisation is weekly.
     */
    void queue(boolean weekly, @Nullable String urgent, NoticeKind kind, NoticeContent c, Recipient r, Delivery d,
               long noticeId, List<String> lines, java.util.function.Supplier<org.compact.tracker.mail.OutgoingMail> mail) {
        if (weekly && urgent == null) {
            hold(kind, c, r, d, noticeId, lines);
        } else {
            outbox.enqueue(DigestComposer.withReason(mail.get(), weekly ? urgent : null));
        }
    }

    /**
     * Holds an item for {@code r}'s contact {@code email} until the next digest, in the caller's transaction:
     * {@code d} its delivery (whose message id is the item's key until the digest goes), {@code noticeId} the delivery
     * of the contact's notice (its reply and concern links), {@code lines} a change's lines or a withdrawal's reason.
     */
    void hold(NoticeKind kind, NoticeContent c, Recipient r, Delivery d, long noticeId, List<String> lines) {
        DigestComposer.Parts parts = composer.item(kind, c, d.email(), noticeId, lines);
        items.save(new DigestItem(null, d.id(), c.consultationId(), r.organisationId(), d.email(),
                r.name(), kind, d.messageId(), d.queuedAt(), c.title(), parts.text(), parts.html(),
                composer.calendar(kind, c), null));
    }

    /**
     * Sends one contact's digest of every item held for it until {@code cutoff}, in one transaction: claims the items
     * (none another run claimed), queues the digest in the outbox and gives their deliveries its message id (their
     * state and receipt are the digest's). Returns how many items went: 0 when another run had claimed them. A contact
     * that unsubscribed since is sent nothing; its items are claimed all the same, so no later run sends them.
     */
    @Transactional
    public int send(long organisationId, String email, Instant cutoff) {
        String digestId = composer.digestId(organisationId, email, UUID.randomUUID().toString().substring(0, 13));
        if (optOuts.existsByOrganisationIdAndEmail(organisationId, email.toLowerCase(Locale.ROOT))) {
            items.claim(organisationId, email, cutoff, "unsubscribed:" + digestId);
            return 0;
        }
        if (items.claim(organisationId, email, cutoff, digestId) == 0) {
            return 0;
        }
        List<DigestItem> claimed = items.claimedBy(digestId);
        outbox.enqueue(composer.digest(digestId, organisationId, email, claimed, schedule.latest(clock.instant())));
        items.moveDeliveries(digestId);
        return claimed.size();
    }

    /** The contacts with items due by {@code cutoff}, a page after the contact given. */
    List<DigestItemRepository.Pending> pending(Instant cutoff, long afterOrganisation, String afterEmail, int limit) {
        return items.pending(cutoff, afterOrganisation, afterEmail, limit);
    }

    /** The last digest time at or before now: what was held until then is due. */
    Instant dueBy() {
        return schedule.latest(clock.instant()).toInstant();
    }
}
