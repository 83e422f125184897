package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The close date is the last day open: 4 January to 28 March 2027 is 84 days, exactly twelve weeks. */
class DurationPolicyTest {

    private static final LocalDate MONDAY_4_JANUARY = LocalDate.of(2027, 1, 4);

    private final DurationPolicy duration = new DurationPolicy(RuleSettings.defaults());

    @Test
    void passesExactlyTwelveWeeksCountingTheCloseDate() {
        Check check = duration.evaluate(Facts.planned().open(MONDAY_4_JANUARY, LocalDate.of(2027, 3, 28)).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Open for 84 days (2027-01-04 to 2027-03-28), at least 12 weeks.", check.reason());
    }

    @Test
    void failsOneDayShortOfTwelveWeeks() {
        Check check = duration.evaluate(Facts.planned().open(MONDAY_4_JANUARY, LocalDate.of(2027, 3, 27)).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Open for 83 days (2027-01-04 to 2027-03-27); at least 12 weeks is expected, so close on "
                + "2027-03-28 or later, or record a written rationale (exemption).", check.reason());
    }

    @Test
    void failsWithoutDates() {
        assertEquals(Verdict.FAIL, duration.evaluate(Facts.planned().open(MONDAY_4_JANUARY, null).build()).verdict());
        assertEquals(Verdict.FAIL, duration.evaluate(Facts.planned().open(null, null).build()).verdict());
    }

    @Test
    void failsACloseDateBeforeTheOpenDate() {
        Check check = duration.evaluate(Facts.planned().open(MONDAY_4_JANUARY, LocalDate.of(2027, 1, 3)).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("The close date 2027-01-03 is before the open date 2027-01-04.", check.reason());
    }
}
