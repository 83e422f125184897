package org.compact.tracker.rules;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * DURATION: organisations need time to respond (seed 001, Gold Standard 3; the Compact 2010: "12-week formal
 * written consultations, with clear explanations and rationale for shorter time-frames"; seed 003: groups "need
 * more time … to respond").
 *
 * <p>The close date is the last day open, so a consultation is open for the days from its open date to its close
 * date inclusive. It passes when the close date is on or after the open date plus the minimum duration less one
 * day: with twelve weeks, opening on Monday 4 January 2027 and closing on Sunday 28 March 2027 is exactly 84 days
 * and passes; closing on 27 March is one day short and fails. A shorter period needs a written rationale, which
 * the tracker records as an exemption.
 */
final class DurationPolicy implements RulePolicy {

    private final Period minimum;
    private final String minimumInWords;

    DurationPolicy(RuleSettings settings) {
        this.minimum = settings.minimumDuration();
        this.minimumInWords = Periods.describe(minimum);
    }

    @Override
    public RuleId id() {
        return RuleId.DURATION;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        LocalDate opensOn = facts.opensOn();
        LocalDate closesOn = facts.closesOn();
        if (opensOn == null || closesOn == null) {
            return Check.fail(id(), "Set the open and close dates: at least " + minimumInWords
                    + " open is expected.");
        }
        if (closesOn.isBefore(opensOn)) {
            return Check.fail(id(), "The close date " + closesOn + " is before the open date " + opensOn + ".");
        }
        long daysOpen = ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
        LocalDate earliestClose = opensOn.plus(minimum).minusDays(1);
        if (closesOn.isBefore(earliestClose)) {
            return Check.fail(id(), "Open for " + daysOpen + " days (" + opensOn + " to " + closesOn + "); at least "
                    + minimumInWords + " is expected, so close on " + earliestClose
                    + " or later, or record a written rationale (exemption).");
        }
        return Check.pass(id(), "Open for " + daysOpen + " days (" + opensOn + " to " + closesOn + "), at least "
                + minimumInWords + ".");
    }
}
