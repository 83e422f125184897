package org.compact.tracker.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DURATION when a step moves the period: opening later than planned, closing before the close date. The same count
 * as the rule (both days open), on its edges; and NOTICE for organisations added after notice.
 */
class DurationOfAStepTest {
    private static final LocalDate MONDAY_4_JANUARY = LocalDate.of(2027, 1, 4);
    private final RuleBook rules = new RuleBook(RuleSettings.defaults());

    @Test
    void opensLateWhenTwelveWeeksStillRemainToTheCloseDate() {
        assertEquals(Verdict.PASS, rules.durationIfOpenedOn(MONDAY_4_JANUARY, LocalDate.of(2027, 3, 28), false).verdict());
    }

    @Test
    void holdsOpeningADayTooLateForTwelveWeeks() {
        Check check = rules.durationIfOpenedOn(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 3, 28), false);
        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Opening on 2027-01-05 would leave it open for 83 days, until 2027-03-28; move the close date to "
                + "2027-03-29 or later, or record a DURATION exemption with the rationale.", check.reason());
        assertEquals(Verdict.EXEMPT, rules.durationIfOpenedOn(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 3, 28), true).verdict());
    }

    @Test
    void closesEarlyFromTheLastDayOfTwelveWeeksButNotTheDayBefore() {
        LocalDate closesOn = LocalDate.of(2027, 4, 30);
        assertEquals(Verdict.PASS, rules.mayCloseOn(MONDAY_4_JANUARY, closesOn, LocalDate.of(2027, 3, 28), false).verdict());
        Check check = rules.mayCloseOn(MONDAY_4_JANUARY, closesOn, LocalDate.of(2027, 3, 27), false);
        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Closing today would leave it open for 83 days; it may close early from 2027-03-28, or record a "
                + "DURATION exemption with the rationale.", check.reason());
    }

    @Test
    void closingOnOrAfterTheCloseDateIsNeverEarly() {
        assertEquals(Verdict.PASS, rules.mayCloseOn(MONDAY_4_JANUARY, LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 10), false).verdict());
    }

    @Test
    void overloadLooksThreeMonthsEitherSideEvenFromTheThirtyFirst() {
        DateRange span = rules.overloadSpan(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 31));
        assertEquals(LocalDate.of(2027, 2, 28), span.from());
        assertEquals(LocalDate.of(2027, 11, 30), span.to());
    }

    @Test
    void organisationsAddedTooLateForTheirNoticeAreNamed() {
        Check check = rules.noticeForAdded(List.of("Salford Deaf Forum"), false, LocalDate.of(2027, 2, 1), MONDAY_4_JANUARY);
        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Adding Salford Deaf Forum now gives it less notice than the others had: it opens on 2027-02-01, "
                + "and notice sent today allows opening from 2027-02-04. Record a NOTICE exemption with the reason to "
                + "ask it anyway.", check.reason());
        assertEquals(Verdict.PASS, rules.noticeForAdded(List.of(), true, LocalDate.of(2027, 2, 1), MONDAY_4_JANUARY).verdict());
    }
}
