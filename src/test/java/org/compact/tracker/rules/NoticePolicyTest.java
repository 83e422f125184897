package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticePolicyTest {

    private final NoticePolicy notice = new NoticePolicy(RuleSettings.defaults());

    @Test
    void countsOneCalendarMonthFromThirtyFirstJanuaryToTheEndOfFebruary() {
        assertEquals(LocalDate.of(2027, 2, 28), notice.earliestOpening(LocalDate.of(2027, 1, 31)));
    }

    @Test
    void countsOneCalendarMonthToTwentyNinthFebruaryInALeapYear() {
        assertEquals(LocalDate.of(2028, 2, 29), notice.earliestOpening(LocalDate.of(2028, 1, 31)));
    }

    @Test
    void refusesToOpenOnTheLastDayOfTheNoticePeriod() {
        Check check = notice.mayOpenOn(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 14));

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Notice went out on 2027-03-15; the notice period runs until 2027-04-14, so it may open from "
                + "2027-04-15, not on 2027-04-14.", check.reason());
    }

    @Test
    void allowsOpeningTheDayAfterTheNoticePeriod() {
        assertEquals(Verdict.PASS, notice.mayOpenOn(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 15)).verdict());
    }

    @Test
    void refusesToOpenOnTwentySeventhFebruaryAfterNoticeOnThirtyFirstJanuary() {
        assertEquals(Verdict.FAIL, notice.mayOpenOn(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 27)).verdict());
        assertEquals(Verdict.PASS, notice.mayOpenOn(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28)).verdict());
    }

    @Test
    void refusesToOpenWithoutNotice() {
        assertEquals(Verdict.FAIL, notice.mayOpenOn(null, LocalDate.of(2027, 4, 15)).verdict());
    }

    @Test
    void tellsAPlannedConsultationTheDayToNotifyBy() {
        Check check = notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 4))
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 9)).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Notify by 2027-01-15 to give one calendar month before opening on 2027-02-15.", check.reason());
    }

    @Test
    void passesAPlannedConsultationOnItsNoticeDeadline() {
        ConsultationFacts facts = Facts.planned().today(LocalDate.of(2027, 1, 15))
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 9)).build();

        assertEquals(Verdict.PASS, notice.evaluate(facts).verdict());
    }

    @Test
    void failsAPlannedConsultationWhoseNoticeDeadlineHasPassed() {
        Check check = notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 16))
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 9)).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("The notice deadline for opening on 2027-02-15 was 2027-01-15; notice sent on 2027-01-16 gives "
                + "less than one calendar month. Open on 2027-02-16 or later, or record an exemption.", check.reason());
    }

    @Test
    void keepsTheDeadlineAtThirtyFirstJanuaryForOpeningOnTwentyEighthFebruary() {
        LocalDate opensOn = LocalDate.of(2027, 2, 28);

        assertEquals(LocalDate.of(2027, 1, 31), notice.deadline(opensOn));
        assertEquals(Verdict.PASS, notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 31))
                .open(opensOn, LocalDate.of(2027, 5, 30)).build()).verdict());
        assertEquals(Verdict.FAIL, notice.evaluate(Facts.planned().today(LocalDate.of(2027, 2, 1))
                .open(opensOn, LocalDate.of(2027, 5, 30)).build()).verdict());
    }

    @Test
    void putsTheDeadlineOneCalendarMonthBeforeAnOpeningAtTheEndOfMarch() {
        assertEquals(LocalDate.of(2027, 2, 28), notice.deadline(LocalDate.of(2027, 3, 31)));
        assertEquals(LocalDate.of(2028, 2, 29), notice.deadline(LocalDate.of(2028, 3, 29)));
    }

    @Test
    void warnsAPlannedConsultationWithoutAnOpenDate() {
        Check check = notice.evaluate(Facts.planned().open(null, null).build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("No open date yet: set one to know when notice must go out.", check.reason());
    }

    @Test
    void failsANotifiedConsultationMovedToOpenBeforeTheMonthHasRun() {
        Check check = notice.evaluate(Facts.planned().notifiedOn(LocalDate.of(2027, 1, 31))
                .open(LocalDate.of(2027, 2, 27), LocalDate.of(2027, 5, 30)).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Notice went out on 2027-01-31; the consultation may open from 2027-02-28 (one calendar month), "
                + "not on 2027-02-27.", check.reason());
    }

    @Test
    void passesANotifiedConsultationOpeningWhenTheMonthHasRun() {
        Check check = notice.evaluate(Facts.planned().notifiedOn(LocalDate.of(2027, 1, 31))
                .open(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 30)).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Notice went out on 2027-01-31; the consultation may open from 2027-02-28 (one calendar month).",
                check.reason());
    }

    @Test
    void judgesANotifiedConsultationOnItsNoticeDateNotOnToday() {
        ConsultationFacts facts = Facts.planned().today(LocalDate.of(2027, 3, 1))
                .notifiedOn(LocalDate.of(2027, 1, 31)).open(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 30))
                .build();

        assertEquals(Verdict.PASS, notice.evaluate(facts).verdict());
    }

    @Test
    void aMixedNoticePeriodGivesTheLastDayThatStillGivesTheWholePeriod() {
        RuleSettings d = RuleSettings.defaults();
        NoticePolicy monthAndFortnight = new NoticePolicy(new RuleSettings(java.time.Period.parse("P1M14D"),
                d.priorWorkLookBack(), d.analysisPeriod(), d.minimumDuration(), d.overloadConcurrent(),
                d.overloadPerQuarter(), d.expectedProvisions(), d.themeGroups(), d.minimumReadingEase(),
                d.maximumSentenceWords(), d.jargon()));
        LocalDate opensOn = LocalDate.of(2027, 3, 12);

        LocalDate deadline = monthAndFortnight.deadline(opensOn);

        assertEquals(LocalDate.of(2027, 1, 26), deadline);
        assertEquals(Verdict.PASS, monthAndFortnight.mayOpenOn(deadline, opensOn).verdict());
        assertEquals(Verdict.FAIL, monthAndFortnight.mayOpenOn(deadline.plusDays(1), opensOn).verdict());
    }
}
