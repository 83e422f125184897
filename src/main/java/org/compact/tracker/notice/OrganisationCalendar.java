package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.compact.tracker.mail.MailState;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.Refusal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation's own calendar ({@code GET /o/calendar.ics?t=…}, the link every mail to it carries): every
 * consultation it was sent notice of and that was not withdrawn, as all-day events for the day its notice was received,
 * the open period, the day feedback is due and the decision. The period and decision events have the UIDs of the
 * events in the mail's own calendar ({@link NoticeComposer#eventUid}), and every event carries the consultation's
 * revision as SEQUENCE, so a calendar program that imported a notice's calendar and subscribes to the feed keeps one
 * event of each, moved as the dates change. Written the same for the same data (DTSTAMP is when the consultation
 * last changed), so its digest is an honest ETag. Lines are folded at 75 octets (RFC 5545 3.1), never inside a
 * character.
 */
@Singleton
public class OrganisationCalendar {
    /** How the link to the feed is named in mail. */
    static final String FEED_LABEL = "Add your organisation's consultations to your calendar (it keeps itself up to date)";
    private static final Duration REFRESH = Duration.ofHours(6);
    private static final int FOLD_OCTETS = 75;

    private final LinkSigner signer;
    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final NoticeComposer composer;
    private final Links links;

    OrganisationCalendar(LinkSigner signer, DeliveryRepository deliveries, Outbox outbox, NoticeComposer composer,
                         Links links) {
        this.signer = signer;
        this.links = links;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.composer = composer;
    }

    /** A consultation an organisation was sent notice of, and when it received it (null while not yet). */
    public record Notified(long consultationId, @Nullable Instant receivedAt) {
    }

    /**
     * One consultation in the feed: what its notice says, the day notice was received, the day feedback is due (both
     * null when unknown), when it last changed, and the public address its events lead to.
     */
    public record Entry(NoticeContent content, @Nullable LocalDate noticeReceivedOn, @Nullable LocalDate feedbackDue,
                        Instant lastChanged, String url) {
    }

    /** The feed's bytes, its ETag (a digest of them) and when what it shows last changed. */
    public record Feed(byte[] body, String etag, Instant lastModified) {
    }

    /**
     * The organisation and contact a feed token is for: a 404 when the token is forged, for another purpose or
     * expired (a calendar program shows "not found" better than a page that asks for a password).
     */
    public LinkSigner.Link open(@Nullable String token) {
        return signer.verify(token, Links.CALENDAR).orElseThrow(() -> new Refusal(404, "Not found",
                "This calendar link is not valid or has expired: every mail we send your organisation carries a "
                        + "fresh one.", List.of()));
    }

    /**
     * The consultations an organisation was sent notice of, oldest first, each with its first receipt; one whose
     * every notice the relay gave up on (FAILED) told it nothing, and is left out.
     */
    public List<Notified> notifiedOf(long organisationId) {
        List<Delivery> notices = deliveries.findByOrganisationIdOrderByIdDesc(organisationId).stream()
                .filter(d -> d.kind() == NoticeKind.NOTICE).toList();
        Map<String, MailState> states = outbox.states(notices.stream().map(Delivery::messageId).toList());
        Map<Long, Instant> received = new LinkedHashMap<>();
        Map<Long, Boolean> reached = new LinkedHashMap<>();
        for (int i = notices.size() - 1; i >= 0; i--) {
            Delivery d = notices.get(i);
            MailState s = states.get(d.messageId());
            reached.merge(d.consultationId(), s == null || s.status() != MailStatus.FAILED, Boolean::logicalOr);
            if (s != null && s.sentAt() != null) {
                received.merge(d.consultationId(), s.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Notified> notified = new ArrayList<>();
        reached.forEach((id, ok) -> {
            if (ok) {
                notified.add(new Notified(id, received.get(id)));
            }
        });
        return notified;
    }

    /** {@code path} on the service's public address. */
    public String publicAddress(String path) {
        return links.base() + path;
    }

    /** The feed of {@code entries} for the organisation called {@code organisationName}. */
    public Feed feed(String organisationName, List<Entry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Local Compact//Consultation tracker organisation calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        String name = "Consultations for " + organisationName;
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-CALDESC", "The consultations " + organisationName
                + " was sent notice of: when notice came, when each is open, when feedback is due and the decision."));
        calendar.add(new RefreshInterval(new ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        Instant lastModified = Instant.EPOCH;
        for (Entry e : entries) {
            Instant changed = e.lastChanged().truncatedTo(ChronoUnit.SECONDS);
            lastModified = changed.isAfter(lastModified) ? changed : lastModified;
            NoticeContent c = e.content();
            if (e.noticeReceivedOn() != null && Dates.printable(e.noticeReceivedOn().plusDays(1))) {
                calendar.add(event(e, changed, "notice-received", e.noticeReceivedOn(), e.noticeReceivedOn().plusDays(1),
                        "Notice received: " + c.title(), "Your organisation received notice of this consultation. "
                                + c.summary()));
            }
            if (c.opensOn() != null && c.closesOn() != null && !c.closesOn().isBefore(c.opensOn())
                    && Dates.printable(c.opensOn()) && Dates.printable(c.closesOn().plusDays(1))) {
                calendar.add(event(e, changed, "period", c.opensOn(), c.closesOn().plusDays(1),
                        "Consultation open: " + c.title(), c.summary()));
            }
            if (e.feedbackDue() != null && Dates.printable(e.feedbackDue().plusDays(1))) {
                calendar.add(event(e, changed, "feedback-due", e.feedbackDue(), e.feedbackDue().plusDays(1),
                        "Feedback due: " + c.title(), c.agencyName() + " is to tell everyone who took part what it "
                                + "heard, what it decided and why, by this day."));
            }
            if (c.decisionDate() != null && Dates.printable(c.decisionDate().plusDays(1))) {
                calendar.add(event(e, changed, "decision", c.decisionDate(), c.decisionDate().plusDays(1),
                        "Decision: " + c.title(), "Decision by "
                                + (c.decisionMaker() == null ? c.agencyName() : c.decisionMaker()) + "."));
            }
        }
        StringWriter out = new StringWriter(1024 + entries.size() * 1500);
        try {
            // written unfolded, then folded at 75 octets (ical4j folds at 75 characters)
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the organisation's calendar", e);
        }
        byte[] body = foldOctets(out.toString()).getBytes(StandardCharsets.UTF_8);
        return new Feed(body, "\"" + digest(body) + "\"", lastModified);
    }

    private VEvent event(Entry e, Instant changed, String key, LocalDate start, LocalDate endExclusive, String summary,
                         String description) {
        NoticeContent c = e.content();
        VEvent event = new VEvent(start, endExclusive, summary);
        event.add(new Uid(composer.eventUid(c.consultationId(), key)));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, c.revision())));
        event.replace(new DtStamp(changed));
        event.add(new LastModified(changed));
        event.add(ImmutableTransp.TRANSPARENT);
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        // METHOD:PUBLISH requires an ORGANIZER (RFC 5546): the agency, at the public programme's address (no one
        // replies to a subscribed calendar)
        Organizer organizer = new Organizer(URI.create(links.base() + "/programme"));
        organizer.add(new Cn(c.agencyName()));
        event.add(organizer);
        event.add(new Description(description + "\n\nQuestions: " + c.officerName()
                + (c.officerEmail().isBlank() ? "" : " (" + c.officerEmail() + ")") + "."));
        event.add(new Url(URI.create(e.url())));
        return event;
    }

    /** Folds each content line at 75 octets of UTF-8, never inside a character; a continuation starts with a space. */
    static String foldOctets(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            int i = 0;
            while (i < line.length()) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > FOLD_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
