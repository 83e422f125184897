package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.mail.OutgoingMail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail about a change of an organisation's contacts made through a link: to each new address, a link to confirm
 * it; to each removed contact, what changed, through whose link, and a link to undo it; and, once undone, to the
 * contacts it concerns. Queued in the caller's transaction; each Message-ID is stable per change, kind and address,
 * so a retried transaction queues nothing twice.
 */
@Singleton
public class ContactMail {
    public static final String CATEGORY = "CONTACTS";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Outbox outbox;
    private final Links links;
    private final Clock clock;
    private final String domain;

    ContactMail(Outbox outbox, Links links, Clock clock,
                @Value("${tracker.mail.from:consultations@localhost}") String from) {
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.domain = OutgoingMail.messageIdDomain(from);
    }

    /** What a change of contacts is about, as the mail tells it. */
    public record About(long changeId, String organisationName, String requestedBy, Instant requestedAt) {
    }

    /** Asks {@code address} to confirm that it is to be a contact; the link works until {@code confirmUntil}. */
    public void confirmation(About about, String address, List<String> removed, Instant confirmUntil) {
        LocalDate lastDay = lastDay(confirmUntil);
        String text = "Hello,\n\n" + about.requestedBy() + " asked, through the link to the page of "
                + name(about) + " in the consultation directory, to add " + address + " as one of its contacts"
                + (removed.isEmpty() ? "" : ", and to remove " + String.join(", ", removed)) + ".\n\n"
                + "If that is right, confirm it here:\n\n" + links.confirmContact(about.changeId(), address, lastDay)
                + "\n\nNothing changes until you confirm. The link works until " + DAY.format(lastDay)
                + " and only for this address. If you did not expect this mail, you can ignore it: the change is "
                + "then never made.\n";
        queue("contact-confirm", about, address, "Please confirm you are a contact of " + name(about), text);
    }

    /**
     * Tells {@code address} that it was removed: by whose link, confirmed by whom (null when it needed no
     * confirmation), the contacts before and after, and the link to undo it until {@code undoUntil}.
     */
    public void removed(About about, String address, @Nullable String confirmedBy, List<String> before,
                        List<String> after, Instant undoUntil) {
        LocalDate lastDay = lastDay(undoUntil);
        String text = "Hello,\n\n" + address + " is no longer a contact of " + name(about)
                + " in the consultation directory, so it will receive no more consultation mail for it.\n\n"
                + "The change was made through the link to the organisation's page that we sent to "
                + about.requestedBy() + (confirmedBy == null ? "" : ", and confirmed by " + confirmedBy) + ".\n"
                + "Contacts before: " + String.join(", ", before) + "\n"
                + "Contacts now: " + String.join(", ", after) + "\n\n"
                + "If this is wrong, you can undo it here:\n\n" + links.undoContacts(about.changeId(), address, lastDay)
                + "\n\nUndoing it puts back the contacts as they were before and removes the addresses the change "
                + "added. The link works until " + DAY.format(lastDay) + " and only for this address. If the change is "
                + "right, you need do nothing.\n";
        queue("contact-removed", about, address, "You are no longer a contact of " + name(about), text);
    }

    /** Tells {@code address} that the change was undone by {@code undoneBy}, and who the contacts are now. */
    public void undone(About about, String address, String undoneBy, List<String> now) {
        String text = "Hello,\n\nThe change to the contacts of " + name(about) + " made on "
                + DAY.format(about.requestedAt().atZone(clock.getZone())) + " through the link sent to "
                + about.requestedBy() + " has been undone by " + undoneBy + ".\n\n"
                + "Contacts now: " + String.join(", ", now) + "\n\n"
                + (now.stream().anyMatch(e -> e.equalsIgnoreCase(address))
                ? "You are one of them: the links in the mail we sent you work again.\n"
                : address + " is no longer one of them.\n");
        queue("contact-undone", about, address, "The change to the contacts of " + name(about) + " was undone", text);
    }

    private void queue(String kind, About about, String address, String subject, String text) {
        String id = kind + "-" + about.changeId() + "-" + NoticeComposer.contactHash(address) + "@" + domain;
        outbox.enqueue(new OutgoingMail(id, CATEGORY, address, subject, text, null, List.of(), Map.of(),
                "organisation-contacts:" + about.changeId()));
    }

    /** The last day a link is valid: the day before the moment it ends, as links are valid to the end of a day. */
    private LocalDate lastDay(Instant until) {
        return until.atZone(clock.getZone()).toLocalDate().minusDays(1);
    }

    /** The organisation's name on one line, as it goes into a subject. */
    private static String name(About about) {
        return about.organisationName().replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
    }
}
