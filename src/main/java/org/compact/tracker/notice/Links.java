package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/** The signed addresses an organisation's contact can use without a password. */
@Singleton
public class Links {
    public static final String REPLY = "reply";
    /** A concern link: it raises a concern about a notice's consultation, and does not answer the notice. */
    public static final String CONCERN = "concern";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String PREFERENCES = "preferences";
    /** The organisation's own calendar feed (subject: the organisation), read by calendar programs that poll it. */
    public static final String CALENDAR = "calendar";
    /** A new address confirms a held change of an organisation's contacts (subject: the change). */
    public static final String CONFIRM_CONTACT = "confirm-contact";
    /** A removed contact undoes the change of contacts that removed it (subject: the change). */
    public static final String UNDO_CONTACTS = "undo-contacts";

    /** Anyone who raised a concern through the public form confirms it (subject: the held concern). */
    public static final String CONFIRM_CONCERN = "confirm-concern";

    private final LinkSigner signer;
    private final Clock clock;
    private final String base;

    Links(LinkSigner signer, Clock clock, @Value("${tracker.public-url:`http://localhost:8080`}") String base) {
        this.signer = signer;
        this.clock = clock;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A reply to one delivery, valid until a year after it was sent (past any consultation's close). */
    String reply(long deliveryId, String email) {
        return base + "/o/reply?t=" + signer.sign(REPLY, deliveryId, email, LocalDate.now(clock).plusYears(1));
    }

    /**
     * The form on which an organisation raises a concern about this consultation, for the contact of one notice
     * ({@code deliveryId}). Signed for concerns only, so it cannot answer the notice: the feedback mail carries one,
     * long after the notice's reply links have run out.
     */
    String concern(long deliveryId, String email) {
        return base + "/o/concern?t=" + signer.sign(CONCERN, deliveryId, email, LocalDate.now(clock).plusYears(1));
    }

    /** One-click unsubscribe (RFC 8058): kept valid for two years, as mail can be read late. */
    String unsubscribe(long organisationId, String email) {
        return base + "/o/unsubscribe?t=" + signer.sign(UNSUBSCRIBE, organisationId, email, LocalDate.now(clock).plusYears(2));
    }

    /**
     * The organisation's own calendar feed ({@code /o/calendar.ics}): valid two years like the unsubscribe link, as a
     * calendar program keeps polling the address it was given long after the mail.
     */
    public String calendarFeed(long organisationId, String email) {
        return base + "/o/calendar.ics?t=" + signer.sign(CALENDAR, organisationId, email, LocalDate.now(clock).plusYears(2));
    }

    /** The organisation's preferences: a short-lived link, as it can change what the organisation receives. */
    String preferences(long organisationId, String email) {
        return base + "/o/preferences?t=" + signer.sign(PREFERENCES, organisationId, email, LocalDate.now(clock).plusDays(30));
    }

    /** The organisation's page for a contact, as a token (for a page that leads there), valid 30 days. */
    public String preferencesToken(long organisationId, String email) {
        return signer.sign(PREFERENCES, organisationId, email, LocalDate.now(clock).plusDays(30));
    }

    /** Confirms {@code email} as a new contact of a held change, until the last day it can be confirmed. */
    String confirmContact(long changeId, String email, LocalDate lastDay) {
        return base + "/o/contacts/confirm?t=" + signer.sign(CONFIRM_CONTACT, changeId, email, lastDay);
    }

    /** Undoes a change of contacts, for a contact it removed, until the last day it can be undone. */
    String undoContacts(long changeId, String email, LocalDate lastDay) {
        return base + "/o/contacts/undo?t=" + signer.sign(UNDO_CONTACTS, changeId, email, lastDay);
    }

    String confirmConcern(long pendingId, String email, LocalDate lastDay) {
        return base + "/o/concern/confirm?t=" + signer.sign(CONFIRM_CONCERN, pendingId, email, lastDay);
    }

    public String base() {
        return base;
    }
}
