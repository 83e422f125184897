package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Throttles;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail an organisation's contact asks for when its preferences link has expired: a short message with a fresh
 * one. Its Message-ID is stable per organisation, contact and window of {@code tracker.links.fresh-link-interval}
 * (default 15 minutes, counted from the epoch on the service's clock), so the outbox keeps at most one such mail per
 * contact and window: a repeat or a double submit within the window sends nothing more. And a contact is sent at
 * most {@code tracker.links.fresh-link-per-contact-per-day} (default 4) of them in 24 hours, however many windows
 * someone asks in: the form cannot be used to fill a known contact's inbox.
 */
@Singleton
public class FreshLinks {
    public static final String CATEGORY = "FRESH_LINK";

    private final Outbox outbox;
    private final Links links;
    private final Clock clock;
    private final Duration interval;
    private final String domain;
    private final Throttles throttles;
    private final int perDay;
    private final Clock wallClock = Clock.systemUTC();

    FreshLinks(Outbox outbox, Links links, Clock clock, Throttles throttles,
               @Value("${tracker.links.fresh-link-interval:15m}") Duration interval,
               @Value("${tracker.links.fresh-link-per-contact-per-day:4}") int perDay,
               @Value("${tracker.mail.from:consultations@localhost}") String from) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tracker.links.fresh-link-interval must be positive: " + interval);
        }
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.interval = interval;
        this.throttles = throttles;
        this.perDay = perDay;
        this.domain = OutgoingMail.messageIdDomain(from);
    }

    /**
     * Queues the mail with a fresh preferences link to {@code email}, a contact of the organisation (as the directory
     * spells it), unless this window's mail is already queued or the contact had its day's share.
     */
    @Transactional
    public void send(long organisationId, String organisationName, String email) {
        long window = clock.millis() / interval.toMillis();
        String contact = NoticeComposer.contactHash(email.toLowerCase(Locale.ROOT));
        String id = "fresh-link-" + window + "-" + organisationId + "-" + contact + "@" + domain;
        if (!outbox.states(List.of(id)).isEmpty()
                || !throttles.recordUnder("fresh link to " + organisationId + " " + contact, wallClock.instant(),
                Duration.ofDays(1), perDay)) {
            return;
        }
        String link = links.preferences(organisationId, email);
        String text = "Hello,\n\nYou asked for a new link to the page of " + organisationName
                + " in the consultation directory. There you can see the consultations you were told about and "
                + "change what you receive:\n\n" + link + "\n\nThe link works for 30 days and only for this address. "
                + "If you did not ask for it, you can ignore this mail: nothing has changed.\n\n"
                + OrganisationCalendar.FEED_LABEL + ": " + links.calendarFeed(organisationId, email) + "\n";
        outbox.enqueue(new OutgoingMail(id, CATEGORY, email, "A new link to your organisation's page", text, null,
                List.of(), Map.of(), null));
    }
}
