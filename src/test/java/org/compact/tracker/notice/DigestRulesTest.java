package org.compact.tracker.notice;

import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When the digest goes (Monday 09:00 London, summer time or not), and what cannot wait for it: a notice that waiting
 * would leave short of a calendar month, a withdrawal or a change of dates inside the next seven days.
 */
class DigestRulesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Clock at(int year, int month, int day, int hour, int minute) {
        return Clock.fixed(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, LONDON).toInstant(), LONDON);
    }

    private static Digests digests(Clock clock) {
        DigestSchedule schedule = new DigestSchedule("MONDAY", "09:00", clock);
        return new Digests(null, null, schedule, null, null, null, new RuleBook(RuleSettings.defaults()), clock);
    }

    private static NoticeContent content(LocalDate opensOn) {
        return new NoticeContent(1, "Ordsall library hours", "Tell us when the library should open.", "Salford City Council", List.of(),
                "Priya Shah", "priya@salford.example", List.of("libraries"), List.of("Ordsall"), List.of("ONLINE_SURVEY"),
                List.of(), List.of(), List.of(), null, null, opensOn.plusMonths(6), null, opensOn, opensOn.plusWeeks(12), 1);
    }

    @Test
    void theDigestGoesOnMondayAtNineLondonTimeInWinterAndInSummer() {
        Clock tuesday = at(2027, 1, 5, 10, 0);
        DigestSchedule schedule = new DigestSchedule("monday", "09:00", tuesday);
        assertEquals(ZonedDateTime.of(2027, 1, 11, 9, 0, 0, 0, LONDON), schedule.next(tuesday.instant()));
        assertEquals(ZonedDateTime.of(2027, 1, 4, 9, 0, 0, 0, LONDON), schedule.latest(tuesday.instant()));
        Instant mondayAtNine = ZonedDateTime.of(2027, 1, 11, 9, 0, 0, 0, LONDON).toInstant();
        assertEquals(mondayAtNine, schedule.latest(mondayAtNine).toInstant(), "a run at 09:00 sends what was held until then");
        assertEquals(ZonedDateTime.of(2027, 1, 18, 9, 0, 0, 0, LONDON), schedule.next(mondayAtNine));
        // Summer time: 09:00 in London is 08:00 UTC.
        Instant summer = ZonedDateTime.of(2027, 7, 5, 8, 59, 0, 0, LONDON).toInstant();
        assertEquals(Instant.parse("2027-07-05T08:00:00Z"), schedule.next(summer).toInstant());
    }

    @Test
    void aNoticeThatWaitingForMondayWouldLeaveShortOfAMonthGoesAtOnceAndSaysWhy() {
        Digests thursday = digests(at(2027, 1, 7, 11, 0));
        String why = thursday.mustGoNow(NoticeKind.NOTICE, content(LocalDate.of(2027, 2, 8)), false);
        assertThat(why).contains("Monday 11 January 2027").contains("one calendar month").contains("Monday 8 February 2027");
        assertThat(thursday.mustGoNow(NoticeKind.NOTICE, content(LocalDate.of(2027, 2, 11)), false))
                .as("received on 11 January, it may open on 11 February").isNull();
        assertThat(thursday.mustGoNow(NoticeKind.NOTICE, content(LocalDate.of(2027, 2, 10)), false)).isNotNull();
    }

    @Test
    void aWithdrawalOrAChangeOfDatesInsideTheNextSevenDaysGoesAtOnce() {
        Digests thursday = digests(at(2027, 1, 7, 11, 0));
        assertThat(thursday.mustGoNow(NoticeKind.WITHDRAWAL, content(LocalDate.of(2027, 1, 14)), false))
                .contains("was to open within 7 days");
        assertThat(thursday.mustGoNow(NoticeKind.WITHDRAWAL, content(LocalDate.of(2026, 12, 1)), false))
                .contains("had already opened");
        assertThat(thursday.mustGoNow(NoticeKind.WITHDRAWAL, content(LocalDate.of(2027, 1, 15)), false)).isNull();
        assertThat(thursday.mustGoNow(NoticeKind.CHANGE, content(LocalDate.of(2027, 1, 12)), true))
                .contains("changes dates within the next 7 days");
        assertThat(thursday.mustGoNow(NoticeKind.CHANGE, content(LocalDate.of(2027, 1, 12)), false))
                .as("a change of title only can wait").isNull();
        assertThat(thursday.mustGoNow(NoticeKind.CHANGE, content(LocalDate.of(2027, 3, 1)), true)).isNull();
        assertThat(thursday.mustGoNow(NoticeKind.FEEDBACK, content(LocalDate.of(2027, 3, 1)), false))
                .as("feedback is never held").isNotNull();
    }

    @Test
    void oneCalendarOfSeveralKeepsEachEventAndEachTimeZoneOnce() {
        String zone = "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nEND:VTIMEZONE\r\n";
        String a = "BEGIN:VCALENDAR\r\nPRODID:x\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n" + zone
                + "BEGIN:VEVENT\r\nUID:consultation-1-period@x\r\nSEQUENCE:3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        String b = "BEGIN:VCALENDAR\r\nPRODID:x\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n" + zone
                + "BEGIN:VEVENT\r\nUID:consultation-2-period@x\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        String merged = DigestComposer.merged(List.of(a, b));
        assertEquals("BEGIN:VCALENDAR\r\nPRODID:x\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n" + zone
                + "BEGIN:VEVENT\r\nUID:consultation-1-period@x\r\nSEQUENCE:3\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:consultation-2-period@x\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", merged);
    }
}
