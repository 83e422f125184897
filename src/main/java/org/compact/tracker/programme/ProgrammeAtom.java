package org.compact.tracker.programme;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The programme as an RFC 4287 Atom feed: an entry per consultation (its latest public step or change; the entry is
 * updated, not repeated, when it changes) and an entry per published feedback, newest first. Entry ids are tag URIs
 * (RFC 4151) minted on the day the consultation was registered, or the feedback given, so they never change. The
 * feed's id is its own address, filters included.
 */
@Singleton
public class ProgrammeAtom {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    private final PublicLinks links;
    private final String publisher;

    ProgrammeAtom(PublicLinks links, @Value("${tracker.programme.publisher:Compact partnership}") String publisher) {
        this.links = links;
        this.publisher = publisher;
    }

    /** One item of the feed before it is written. */
    private record Item(String id, String title, Instant updated, Instant published, String author, String link,
                        String summary, List<String> categories) {
    }

    public String write(Programme programme) {
        List<Item> items = new ArrayList<>();
        for (ProgrammeEntry e : programme.consultations()) {
            items.add(new Item(links.tag(e.listedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), "consultation-" + e.id()),
                    e.statusLabel() + ": " + e.title(), e.lastChanged(), e.listedAt(), e.agency(), e.url(),
                    String.join("\n", KeyDates.lines(e)) + "\n\n" + e.summary(), e.themes()));
            if (e.result() != null) {
                ProgrammeEntry.Result r = e.result();
                items.add(new Item(links.tag(r.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), "consultation-" + e.id() + "-feedback"),
                        "Feedback: " + e.title(), r.publishedAt(), r.publishedAt(), e.agency(), r.url(),
                        "Outcome: " + PublicLabels.outcome(r.outcome()) + "\n\nWe did: " + r.weDid(), e.themes()));
            }
        }
        items.sort(Comparator.comparing(Item::updated).reversed().thenComparing(Item::id));
        Instant updated = items.stream().map(Item::updated).max(Comparator.naturalOrder())
                .orElse(programme.asOf().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        String self = links.withFilter("/programme.atom", programme.filters());
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en-GB");
            element(x, "id", self);
            element(x, "title", ProgrammeCalendar.CALENDAR_NAME + (programme.filters().isEmpty() ? "" : " (filtered)"));
            element(x, "subtitle", programme.covers() + ", by the partners of the local Compact.");
            element(x, "updated", time(updated));
            link(x, "self", "application/atom+xml", self);
            link(x, "alternate", "text/html", links.withFilter("/programme", programme.filters()));
            author(x, publisher);
            element(x, "generator", "Consultation tracker");
            for (Item item : items) {
                x.writeStartElement(ATOM, "entry");
                element(x, "id", item.id());
                element(x, "title", item.title());
                element(x, "updated", time(item.updated()));
                element(x, "published", time(item.published()));
                author(x, item.author());
                link(x, "alternate", "text/html", item.link());
                for (String c : item.categories()) {
                    x.writeEmptyElement(ATOM, "category");
                    x.writeAttribute("term", clean(c));
                }
                x.writeStartElement(ATOM, "summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(clean(item.summary()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the programme feed", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static void author(XMLStreamWriter x, String name) throws XMLStreamException {
        x.writeStartElement(ATOM, "author");
        element(x, "name", name);
        x.writeEndElement();
    }

    /** RFC 3339, to the second. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Drops the characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
