package org.compact.tracker.programme;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.compact.tracker.support.Dates;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The programme as an RFC 5545 calendar that Outlook, Google Calendar and Thunderbird can subscribe to: one all-day
 * event per consultation period (DTSTART the open date, DTEND the day after the close date), with a UID that stays
 * the same for the consultation's whole life, so a refresh updates the event rather than adding one. A withdrawn
 * consultation stays as a cancelled event. Consultations without both dates have no event yet. Each event's URL
 * leads to the published results once feedback is given, else to the consultation's row on the programme page.
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

    ProgrammeCalendar(PublicLinks links, Clock clock,
                      @Value("${tracker.programme.publisher:Compact partnership}") String publisher) {
        this.links = links;
        this.clock = clock;
        // METHOD:PUBLISH requires an ORGANIZER (RFC 5546). It is the partnership at the programme's address: no
        // mail address is published, and subscribers cannot reply to a published calendar anyway.
        this.organiser = links.base() + "/programme";
        this.publisher = publisher;
        this.domain = URI.create(links.base()).getHost() == null ? "localhost" : URI.create(links.base()).getHost();
    }

    /** The stable UID of a consultation's event. */
    String uid(long consultationId) {
        return "programme-consultation-" + consultationId + "@" + domain;
    }

    public byte[] write(Programme programme) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Local Compact//Consultation tracker programme//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        String name = programme.filters().isEmpty() ? CALENDAR_NAME : CALENDAR_NAME + " (filtered)";
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-CALDESC", programme.covers() + ", by the partners of the local Compact."));
        calendar.add(new RefreshInterval(new ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        for (ProgrammeEntry e : programme.consultations()) {
            // A date no calendar can read (one saved before dates were held to 1900-2100) leaves its event out.
            if (e.opensOn() != null && e.closesOn() != null && !e.closesOn().isBefore(e.opensOn())
                    && Dates.printable(e.opensOn()) && Dates.printable(e.closesOn().plusDays(1))) {
                calendar.add(event(e));
            }
        }
        // Into a StringWriter, encoded once at the end: given an OutputStream, the outputter's folding writer sends
        // the text a character at a time through an unbuffered encoder, which was half the cost of the feed.
        StringWriter out = new StringWriter(programme.consultations().size() * 900 + 1024);
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the programme calendar", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private VEvent event(ProgrammeEntry e) {
        boolean withdrawn = e.withdrawnOn() != null;
        VEvent event = new VEvent(e.opensOn(), e.closesOn().plusDays(1), (withdrawn ? "Withdrawn: " : "") + e.title());
        event.add(new Uid(uid(e.id())));
        // The constructor stamps the system time; the feed uses the service clock.
        event.replace(new DtStamp(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new LastModified(e.lastChanged().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        Organizer organizer = new Organizer(URI.create(organiser));
        organizer.add(new Cn(publisher));
        event.add(organizer);
        event.add(new Description(e.summary() + "\n\n" + String.join("\n", KeyDates.lines(e))));
        event.add(new Url(URI.create(e.result() != null ? e.result().url() : e.url())));
        if (!e.themes().isEmpty()) {
            event.add(new Categories(String.join(",", e.themes().stream().map(t -> t.replace(",", " ")).toList())));
        }
        event.add(withdrawn ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
