package org.compact.tracker.programme;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.compact.tracker.consultation.ConsultationStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The calendar, Atom and CSV writers on a programme built by hand, read back by independent parsers. */
class ProgrammeFeedsTest {
    private static final Instant NOW = Instant.parse("2027-06-01T08:00:00Z");
    private static final PublicLinks LINKS = new PublicLinks("http://tracker.example.org/");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/London"));

    private static ProgrammeEntry entry(long id, String title, ConsultationStatus status, LocalDate opensOn,
                                        LocalDate closesOn, String withdrawalReason, ProgrammeEntry.Result result) {
        return new ProgrammeEntry(id, title, "Summary of " + title + ", with a comma; a semicolon\nand a line break.",
                3, "Salford City Council", List.of("housing", "parks"), List.of("Ordsall"), status, PublicLabels.status(status),
                opensOn == null ? null : opensOn.minusMonths(1), null, opensOn, closesOn,
                closesOn == null ? null : closesOn.plusWeeks(12), closesOn == null ? null : closesOn.plusWeeks(8),
                withdrawalReason == null ? null : LocalDate.of(2027, 2, 1), withdrawalReason, result,
                LINKS.programmeEntry(id), Instant.parse("2027-01-04T09:00:00Z"), Instant.parse("2027-05-01T10:15:30.123Z"),
                null, false);
    }

    private static Programme programme() {
        LocalDate opens = LocalDate.of(2027, 3, 1);
        return new Programme(LocalDate.of(2027, 6, 1), ProgrammeFilter.NONE, "Everything", 4, List.of(
                entry(1, "New homes, Ordsall", ConsultationStatus.FEEDBACK_GIVEN, opens, opens.plusWeeks(12), null,
                        new ProgrammeEntry.Result(LocalDate.of(2027, 5, 30), Instant.parse("2027-05-30T11:00:00Z"),
                                "CHANGED", "We moved the homes.", LINKS.results(1))),
                entry(2, "=HYPERLINK(\"http://evil\")", ConsultationStatus.OPEN, opens, opens.plusWeeks(12), null, null),
                entry(3, "Pool \u0001closure", ConsultationStatus.WITHDRAWN, opens.plusMonths(2), opens.plusMonths(5),
                        "Funding found", null),
                entry(4, "Parks strategy", ConsultationStatus.PLANNED, null, null, null, null)));
    }

    @Test
    void theCalendarValidatesAndHasOneAllDayEventPerConsultationPeriodWithAStableUid() throws Exception {
        byte[] ics = new ProgrammeCalendar(LINKS, CLOCK, "Compact partnership").write(programme());

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertEquals("PUBLISH", calendar.getProperty("METHOD").orElseThrow().getValue());
        assertEquals("Consultation programme", calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        VEvent first = events.get(0);
        assertEquals("programme-consultation-1@tracker.example.org", first.getProperty("UID").orElseThrow().getValue());
        assertEquals(LocalDate.of(2027, 3, 1), first.getDateTimeStart().getDate());
        assertEquals(LocalDate.of(2027, 5, 25), first.getDateTimeEnd().getDate(), "DTEND is the day after the last day");
        assertEquals("New homes, Ordsall", first.getSummary().getValue());
        assertEquals("http://tracker.example.org/results/1", first.getProperty("URL").orElseThrow().getValue());
        assertThat(first.getDescription().getValue()).contains("Summary of New homes", "Opens: 1 March 2027",
                "Closes (last day to respond): 24 May 2027", "Feedback due by: 16 August 2027");
        assertEquals("20270601T080000Z", first.getProperty("DTSTAMP").orElseThrow().getValue());
        assertEquals("http://tracker.example.org/programme#c2", events.get(1).getProperty("URL").orElseThrow().getValue());
        assertEquals("CANCELLED", events.get(2).getProperty("STATUS").orElseThrow().getValue());
        assertThat(events.get(2).getSummary().getValue()).startsWith("Withdrawn: ");
    }

    @Test
    void aDateNoCalendarCanWriteLeavesItsEventOutRatherThanBreakingTheFeed() throws Exception {
        LocalDate opens = LocalDate.of(2027, 3, 1);
        Programme saved = new Programme(LocalDate.of(2027, 6, 1), ProgrammeFilter.NONE, "Everything", 2, List.of(
                entry(5, "Saved before dates were checked", ConsultationStatus.OPEN, opens, LocalDate.of(9999, 12, 31),
                        null, null),
                entry(6, "Parks strategy", ConsultationStatus.OPEN, opens, opens.plusWeeks(12), null, null)));

        byte[] ics = new ProgrammeCalendar(LINKS, CLOCK, "Compact partnership").write(saved);

        assertThat(new String(ics, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("+1000")
                .doesNotContain("programme-consultation-5@").contains("programme-consultation-6@");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }

    @Test
    void theAtomFeedIsWellFormedWithEveryElementRfc4287Requires() throws Exception {
        String xml = new ProgrammeAtom(LINKS, "Compact partnership").write(programme());

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertEquals(ProgrammeAtom.ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("http://tracker.example.org/programme.atom", child(feed, "id"));
        assertEquals("2027-05-30T11:00:00Z", child(feed, "updated"), "the newest entry");
        NodeList entries = feed.getElementsByTagNameNS(ProgrammeAtom.ATOM, "entry");
        assertEquals(5, entries.getLength(), "four consultations and one feedback");
        Element newest = (Element) entries.item(0);
        assertEquals("Feedback: New homes, Ordsall", child(newest, "title"));
        assertThat(child(newest, "id")).startsWith("tag:tracker.example.org,2027-05-30:");
        Element consultation = (Element) entries.item(1);
        assertEquals("2027-05-01T10:15:30Z", child(consultation, "updated"));
        assertThat(child(consultation, "id")).isEqualTo("tag:tracker.example.org,2027-01-04:consultation-1");
        assertThat(xml).doesNotContain("\u0001");
    }

    @Test
    void theCsvReadsBackRowForRowAndDisarmsFormulas() throws Exception {
        String csv = ProgrammeCsv.write(programme());

        assertThat(csv).contains("\r\n");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertEquals(ProgrammeCsv.HEADER, parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(4, rows.size());
            assertEquals("New homes, Ordsall", rows.get(0).get("title"));
            assertEquals("housing; parks", rows.get(0).get("themes"));
            assertEquals("2027-03-01", rows.get(0).get("opens_on"));
            assertEquals("2027-05-24", rows.get(0).get("closes_on"));
            assertEquals("CHANGED", rows.get(0).get("outcome"));
            assertThat(rows.get(0).get("summary")).contains("a comma; a semicolon\nand a line break");
            assertEquals("'=HYPERLINK(\"http://evil\")", rows.get(1).get("title"));
            assertEquals("Funding found", rows.get(2).get("withdrawal_reason"));
            assertEquals("", rows.get(3).get("opens_on"));
        }
    }

    private static String child(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(ProgrammeAtom.ATOM, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return list.item(i).getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
