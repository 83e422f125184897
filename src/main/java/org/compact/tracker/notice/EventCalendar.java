package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.Ics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calendar a notice, a change or a withdrawal carries (RFC 5545, written through {@link Ics}: lines folded at 75
 * octets, CRLF). All-day events for the open period, the last day to respond and the decision; a timed event (local
 * time with the Europe/London VTIMEZONE) for each meeting, with its venue and the help it offers. Every event has a
 * UID of this deployment ({@code tracker.calendar.uid-domain}, by default the host of the public address), the
 * consultation's revision as SEQUENCE (a later mail's events replace an earlier one's, whatever order they arrive
 * in), and the public programme page as URL, which anyone can open. A withdrawal's calendar is METHOD:CANCEL with the
 * same UIDs, which calendar programs take out; a notice's or change's is METHOD:PUBLISH.
 */
@Singleton
class EventCalendar {
    private final Clock clock;
    private final String base;
    private final String uidDomain;
    private final String organiser;

    EventCalendar(Clock clock, @Value("${tracker.public-url:`http://localhost:8080`}") String publicUrl,
                  @Value("${tracker.calendar.uid-domain:}") String uidDomain,
                  @Value("${tracker.mail.from:consultations@localhost}") String from) {
        this.clock = clock;
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.uidDomain = Ics.uidDomain(this.base, uidDomain);
        this.organiser = from.replaceAll(".*<|>.*", "").trim();
    }

    /** The attachment's file name, which the mail's text names. */
    static String fileName(long consultationId) {
        return "consultation-" + consultationId + ".ics";
    }

    /** The content type of the attachment, with the calendar's METHOD as RFC 6047 asks. */
    static String contentType(boolean cancelled) {
        return "text/calendar; method=" + (cancelled ? "CANCEL" : "PUBLISH") + "; charset=UTF-8";
    }

    /** The public page of the consultation: its row on the programme, which anyone can open. */
    String publicUrl(long consultationId) {
        return base + "/programme#c" + consultationId;
    }

    String uid(long consultationId, String key) {
        return "consultation-" + consultationId + "-" + key + "@" + uidDomain;
    }

    byte[] write(NoticeContent c, boolean cancelled) {
        Ics ics = new Ics();
        ics.line("BEGIN:VCALENDAR").line("PRODID:-//Local Compact//Consultation tracker//EN").line("VERSION:2.0")
                .line("CALSCALE:GREGORIAN").line("METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
        List<ConsultationEvent> meetings = c.events().stream().filter(e -> e.startsAt() != null && e.endsAt() != null
                && Dates.printable(e.startsAt().toLocalDate()) && Dates.printable(e.endsAt().toLocalDate())).toList();
        if (!meetings.isEmpty()) {
            ics.lines(Ics.VTIMEZONE);
        }
        String prefix = cancelled ? "Withdrawn: " : "";
        // A date no calendar can read (saved before dates were held to 1900-2100) leaves its events out.
        if (c.opensOn() != null && c.closesOn() != null && Dates.printable(c.opensOn())
                && Dates.printable(c.closesOn().plusDays(1))) {
            allDay(ics, c, cancelled, "period", c.opensOn(), c.closesOn().plusDays(1),
                    prefix + "Consultation open: " + c.title(), c.summary() + "\n\n" + respond(c));
            allDay(ics, c, cancelled, "closes", c.closesOn(), c.closesOn().plusDays(1),
                    prefix + "Last day to respond: " + c.title(), "Responses close at the end of the day.\n\n" + respond(c));
        }
        if (c.decisionDate() != null && Dates.printable(c.decisionDate().plusDays(1))) {
            allDay(ics, c, cancelled, "decision", c.decisionDate(), c.decisionDate().plusDays(1),
                    prefix + "Decision: " + c.title(), "Decision by "
                            + (c.decisionMaker() == null ? "the agency" : c.decisionMaker()) + ".");
        }
        for (int i = 0; i < meetings.size(); i++) {
            ConsultationEvent e = meetings.get(i);
            begin(ics, c, cancelled, "event-" + (i + 1));
            ics.line("DTSTART;TZID=" + Ics.TZID + ":" + Ics.local(e.startsAt()))
                    .line("DTEND;TZID=" + Ics.TZID + ":" + Ics.local(e.endsAt()))
                    .text("SUMMARY", prefix + e.title() + ": " + c.title());
            if (e.venue() != null) {
                ics.text("LOCATION", e.venue());
            }
            List<String> about = new ArrayList<>();
            if (e.details() != null) {
                about.add(e.details());
            }
            if (!e.provisions().isEmpty()) {
                about.add("Help offered: " + HowToTakePart.provisionWords(e.provisions()) + ".");
            }
            about.add(respond(c));
            ics.text("DESCRIPTION", String.join("\n\n", about)).line("TRANSP:OPAQUE").line("END:VEVENT");
        }
        ics.line("END:VCALENDAR");
        return ics.bytes();
    }

    private void allDay(Ics ics, NoticeContent c, boolean cancelled, String key, LocalDate start, LocalDate endExclusive,
                        String summary, String description) {
        begin(ics, c, cancelled, key);
        ics.line("DTSTART;VALUE=DATE:" + Ics.date(start)).line("DTEND;VALUE=DATE:" + Ics.date(endExclusive))
                .text("SUMMARY", summary).text("DESCRIPTION", description)
                // a twelve-week consultation must not show its contacts as busy
                .line("TRANSP:TRANSPARENT").line("END:VEVENT");
    }

    private void begin(Ics ics, NoticeContent c, boolean cancelled, String key) {
        ics.line("BEGIN:VEVENT").line("UID:" + uid(c.consultationId(), key))
                .line("DTSTAMP:" + Ics.utc(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                .line("SEQUENCE:" + Math.min(Integer.MAX_VALUE, c.revision()))
                .line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"))
                .line("ORGANIZER;CN=" + param(c.agencyName()) + ":mailto:" + organiser)
                .line("URL:" + publicUrl(c.consultationId()));
    }

    /** Where to respond, one line for the events' descriptions. */
    private static String respond(NoticeContent c) {
        List<String> ways = new ArrayList<>();
        if (c.howToRespond().url() != null) {
            ways.add("online at " + c.howToRespond().url());
        }
        if (c.howToRespond().email() != null) {
            ways.add("by email to " + c.howToRespond().email());
        }
        if (c.howToRespond().postalAddress() != null) {
            ways.add("by post to " + c.howToRespond().postalAddress().replace('\n', ' ').replaceAll("\\s+", " "));
        }
        return ways.isEmpty() ? "" : "Respond " + String.join(", or ", ways) + ".";
    }

    /** A parameter value (CN): quoted, without the characters a quoted parameter cannot hold. */
    private static String param(@Nullable String value) {
        return "\"" + (value == null ? "" : value).replaceAll("[\"\\p{Cntrl}]", "") + "\"";
    }
}
