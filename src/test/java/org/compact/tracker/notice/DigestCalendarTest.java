package org.compact.tracker.notice;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A digest's calendar events say in one sentence where the details are (the weekly summary, the consultation's
 * page) instead of repeating the consultation's summary, and keep everything a calendar program matches and shows:
 * UID, SEQUENCE, STATUS, the dates.
 */
class DigestCalendarTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String LONG_SUMMARY = "Tell us when the library should open. ".repeat(40);

    private final EventCalendar events = new EventCalendar(
            Clock.fixed(ZonedDateTime.of(2027, 1, 4, 9, 0, 0, 0, LONDON).toInstant(), LONDON),
            "https://salford.example", "", "consultations@salford.example");

    private static NoticeContent content(int revision) {
        LocalDate opensOn = LocalDate.of(2027, 3, 1);
        return new NoticeContent(7, "Ordsall library hours", LONG_SUMMARY, "Salford City Council", List.of(),
                "Priya Shah", "priya@salford.example", List.of("libraries"), List.of("Ordsall"), List.of("ONLINE_SURVEY"),
                List.of(), List.of(), List.of(), null, null, opensOn.plusMonths(6), null, opensOn, opensOn.plusWeeks(12),
                revision);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void aDigestEventPointsToTheSummaryAndThePublicPageInsteadOfRepeatingTheConsultationsText() throws Exception {
        String full = new String(events.write(content(3), false), StandardCharsets.UTF_8);
        String brief = DigestComposer.brief(full);

        assertThat(full.replace("\r\n ", "")).contains("Tell us when the library should open.");
        assertThat(brief.replace("\r\n ", "")).doesNotContain("Tell us when the library should open.");
        assertThat(brief.length()).isLessThan(full.length());

        Calendar before = parse(full);
        Calendar after = parse(brief);
        assertThat(after.validate().hasErrors()).as(after.validate().toString()).isFalse();
        List<VEvent> was = before.getComponents("VEVENT");
        List<VEvent> is = after.getComponents("VEVENT");
        assertThat(is).hasSameSizeAs(was).isNotEmpty();
        for (int i = 0; i < is.size(); i++) {
            for (String property : List.of("UID", "SEQUENCE", "STATUS", "DTSTART", "DTEND", "SUMMARY", "URL")) {
                assertThat(is.get(i).getProperty(property).orElseThrow().getValue()).as(property)
                        .isEqualTo(was.get(i).getProperty(property).orElseThrow().getValue());
            }
            assertThat(is.get(i).getProperty("DESCRIPTION").orElseThrow().getValue())
                    .isEqualTo(DigestComposer.BRIEF + " The consultation: https://salford.example/programme#c7");
        }
        assertThat(is.get(0).getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("3");
    }

    @Test
    void aBriefCalendarIsFoldedAtSeventyFiveOctetsAndBriefingItAgainChangesNothing() {
        String brief = DigestComposer.brief(new String(events.write(content(1), true), StandardCharsets.UTF_8));

        assertThat(brief.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(brief).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
        assertThat(DigestComposer.brief(brief)).isEqualTo(brief);
    }
}
