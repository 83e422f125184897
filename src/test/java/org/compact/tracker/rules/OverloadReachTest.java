package org.compact.tracker.rules;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reach of a consultation (whose kept OVERLOAD checks a change to it can alter) is never narrower than the spans
 * that count it: whenever another consultation's OVERLOAD span takes it in, the other lies within its reach, month
 * ends included. A reach too narrow would leave a stale OVERLOAD check kept after the change.
 */
class OverloadReachTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private final RuleBook rules = new RuleBook(RuleSettings.defaults());

    @Property(tries = 3000)
    void everyConsultationWhoseSpanTakesOneInLiesWithinItsReach(
            @ForAll @IntRange(min = 0, max = 1500) int opens, @ForAll @IntRange(min = 0, max = 200) int length,
            @ForAll @IntRange(min = 0, max = 1500) int otherOpens, @ForAll @IntRange(min = 0, max = 200) int otherLength) {
        DateRange changed = new DateRange(START.plusDays(opens), START.plusDays(opens + length));
        DateRange other = new DateRange(START.plusDays(otherOpens), START.plusDays(otherOpens + otherLength));
        if (rules.overloadSpan(other.from(), other.to()).overlaps(changed)) {
            assertTrue(rules.overloadReach(changed.from(), changed.to()).overlaps(other),
                    () -> other + "'s span takes in " + changed + ", which does not reach it");
        }
    }

    @Test
    void aConsultationClosingAtAMonthsEndReachesOneOpeningThreeMonthsAndThreeDaysLater() {
        // Another opening on 31 May counts back to 28 February (three months before), so a close on 28 February
        // counts for it: its reach must run to 31 May although 28 February plus three months is 28 May.
        LocalDate closes = LocalDate.of(2027, 2, 28);
        assertTrue(rules.overloadSpan(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 31))
                .overlaps(new DateRange(LocalDate.of(2027, 1, 1), closes)));
        assertTrue(rules.overloadReach(LocalDate.of(2027, 1, 1), closes)
                .overlaps(new DateRange(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 31))));
        assertFalse(rules.overloadReach(LocalDate.of(2027, 1, 1), closes)
                .overlaps(new DateRange(LocalDate.of(2027, 6, 4), LocalDate.of(2027, 8, 31))));
    }
}
