package org.compact.tracker.programme;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.Ics;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The programme as an RFC 5545 calendar that Outlook, Google Calendar and Thunderbird can subscribe to: one all-day
 * event per consultation period (DTSTART the open date, DTEND the day after the close date), with a UID that stays
 * the same for the consultation's whole life and a SEQUENCE that grows with every change, so a refresh updates the
 * event rather than adding one; and a timed event (Europe/London, with its VTIMEZONE) for each of its meetings. A
 * withdrawn consultation stays as a cancelled event. Consultations without both dates have no period event yet. Each
 * event's URL leads to the published results once feedback is given, else to the consultation's row on the programme
 * page. Written through {@link Ics}: lines folded at 75 octets, commas in a theme escaped.
 */
@Singleton
public class ProgrammeCalendar {
    static final String CALENDAR_NAME = "Consultation programme";
    private static final Duration REFRESH = Duration.ofHours(6);

    private final PublicLinks links;
    private final Clock clock;
    private final String organiser;
    private final String publisher;
    private final String domain;

    @Inject
    ProgrammeCalendar(PublicLinks links, Clock clock,
                      @Value("${tracker.programme.publisher:Compact partnership}") String publisher,
                      @Value("${tracker.calendar.uid-domain:}") String uidDomain) {
        this.links = links;
        this.clock = clock;
        // METHOD:PUBLISH requires an ORGANIZER (RFC 5546). It is the partnership at the programme's address: no
        // mail address is published, and subscribers cannot reply to a published calendar anyway.
        this.organiser = links.base() + "/programme";
        this.publisher = publisher;
        this.domain = Ics.uidDomain(links.base(), uidDomain);
    }

    ProgrammeCalendar(PublicLinks links, Clock clock, String publisher) {
        this(links, clock, publisher, "");
    }

    /** The stable UID of a consultation's event. */
    String uid(long consultationId) {
        return "programme-consultation-" + consultationId + "@" + domain;
    }

    public byte[] write(Programme programme) {
        Ics ics = new Ics();
        ics.line("BEGIN:VCALENDAR").line("PRODID:-//Local Compact//Consultation tracker programme//EN")
                .line("VERSION:2.0").line("CALSCALE:GREGORIAN").line("METHOD:PUBLISH");
        String name = programme.filters().isEmpty() ? CALENDAR_NAME : CALENDAR_NAME + " (filtered)";
        ics.text("NAME", name).text("X-WR-CALNAME", name)
                .text("X-WR-CALDESC", programme.covers() + ", by the partners of the local Compact.")
                .line("REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH).line("X-PUBLISHED-TTL:" + REFRESH);
        if (programme.consultations().stream().anyMatch(e -> !meetings(e).isEmpty())) {
            ics.lines(Ics.VTIMEZONE);
        }
        String stamp = Ics.utc(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        for (ProgrammeEntry e : programme.consultations()) {
            // A date no calendar can read (one saved before dates were held to 1900-2100) leaves its event out.
            if (e.opensOn() != null && e.closesOn() != null && !e.closesOn().isBefore(e.opensOn())
                    && Dates.printable(e.opensOn()) && Dates.printable(e.closesOn().plusDays(1))) {
                begin(ics, e, uid(e.id()), stamp);
                ics.line("DTSTART;VALUE=DATE:" + Ics.date(e.opensOn()))
                        .line("DTEND;VALUE=DATE:" + Ics.date(e.closesOn().plusDays(1)))
                        .text("SUMMARY", prefix(e) + e.title())
                        .text("DESCRIPTION", e.summary() + "\n\n" + String.join("\n", KeyDates.lines(e)) + respond(e));
                if (!e.themes().isEmpty()) {
                    ics.line("CATEGORIES:" + Ics.textList(e.themes()));
                }
                ics.line("END:VEVENT");
            }
            List<ConsultationEvent> meetings = meetings(e);
            for (int i = 0; i < meetings.size(); i++) {
                ConsultationEvent m = meetings.get(i);
                begin(ics, e, "programme-consultation-" + e.id() + "-event-" + (i + 1) + "@" + domain, stamp);
                ics.line("DTSTART;TZID=" + Ics.TZID + ":" + Ics.local(m.startsAt()))
                        .line("DTEND;TZID=" + Ics.TZID + ":" + Ics.local(m.endsAt()))
                        .text("SUMMARY", prefix(e) + m.title() + ": " + e.title());
                if (m.venue() != null) {
                    ics.text("LOCATION", m.venue());
                }
                ics.text("DESCRIPTION", (m.details() == null ? "" : m.details() + "\n\n")
                        + (m.provisions().isEmpty() ? "" : "Help offered: " + String.join(", ",
                        m.provisions().stream().map(PublicLabels::code).toList()) + ".\n\n") + e.summary()
                        + respond(e)).line("END:VEVENT");
            }
        }
        ics.line("END:VCALENDAR");
        return ics.bytes();
    }

    private void begin(Ics ics, ProgrammeEntry e, String uid, String stamp) {
        boolean withdrawn = e.withdrawnOn() != null;
        ics.line("BEGIN:VEVENT").line("UID:" + uid)
                // the service clock, not the system's
                .line("DTSTAMP:" + stamp)
                .line("LAST-MODIFIED:" + Ics.utc(e.lastChanged().truncatedTo(ChronoUnit.SECONDS)))
                .line("SEQUENCE:" + Math.min(Integer.MAX_VALUE, e.revision()))
                .line("ORGANIZER;CN=\"" + publisher.replaceAll("[\"\\p{Cntrl}]", "") + "\":" + organiser)
                .line("URL:" + (e.result() != null ? e.result().url() : e.url()))
                .line("STATUS:" + (withdrawn ? "CANCELLED" : "CONFIRMED"));
    }

    private static String prefix(ProgrammeEntry e) {
        return e.withdrawnOn() != null ? "Withdrawn: " : "";
    }

    private static List<ConsultationEvent> meetings(ProgrammeEntry e) {
        return e.events().stream().filter(m -> m.startsAt() != null && m.endsAt() != null
                && Dates.printable(m.startsAt().toLocalDate()) && Dates.printable(m.endsAt().toLocalDate())).toList();
    }

    /** Where to respond, as a paragraph after the description; empty when none is given. */
    static String respond(ProgrammeEntry e) {
        HowToRespond h = e.howToRespond();
        List<String> ways = new ArrayList<>();
        if (h.url() != null) {
            ways.add("Respond online: " + h.url());
        }
        if (h.email() != null) {
            ways.add("Respond by email: " + h.email());
        }
        if (h.postalAddress() != null) {
            ways.add("Respond by post: " + h.postalAddress().replace('\n', ' '));
        }
        return ways.isEmpty() ? "" : "\n\n" + String.join("\n", ways);
    }
}
