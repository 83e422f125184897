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
        LocalDate earliestClose = earliestClose(opensOn);
        if (closesOn.isBefore(earliestClose)) {
            return Check.fail(id(), "Open for " + daysOpen + " days (" + opensOn + " to " + closesOn + "); at least "
                    + minimumInWords + " is expected, so close on " + earliestClose
                    + " or later, or record a written rationale (exemption).");
        }
        return Check.pass(id(), "Open for " + daysOpen + " days (" + opensOn + " to " + closesOn + "), at least "
                + minimumInWords + ".");
    }

    /**
     * DURATION for a consultation opening on {@code day} rather than on its planned date (held for want of notice,
     * or opened by hand late): from then to {@code closesOn}, counted as the rule counts, must still be the minimum
     * period. Opening on time, or early, it holds whenever it held at notice.
     */
    Check ifOpenedOn(LocalDate day, LocalDate closesOn) {
        if (closesOn == null) {
            return Check.pass(id(), "");
        }
        LocalDate earliestClose = earliestClose(day);
        if (!closesOn.isBefore(earliestClose)) {
            return Check.pass(id(), "");
        }
        long days = ChronoUnit.DAYS.between(day, closesOn) + 1;
        return Check.fail(id(), "Opening on " + day + " would leave it open for " + days + " days, until "
                + closesOn + "; move the close date to " + earliestClose
                + " or later, or record a DURATION exemption with the rationale.");
    }

    /**
     * DURATION for closing on {@code day}, before the close date {@code closesOn}, a consultation that opened on
     * {@code opened}: closing today makes today the last day open, as closesOn is, so the same count as the rule.
     */
    Check mayCloseOn(LocalDate opened, LocalDate closesOn, LocalDate day) {
        if (closesOn == null || !day.isBefore(closesOn)) {
            return Check.pass(id(), "");
        }
        LocalDate earliest = earliestClose(opened);
        if (!day.isBefore(earliest)) {
            return Check.pass(id(), "");
        }
        long days = ChronoUnit.DAYS.between(opened, day) + 1;
        return Check.fail(id(), "Closing today would leave it open for " + days
                + " days; it may close early from " + earliest + ", or record a DURATION exemption with the rationale.");
    }

    /** The first close date that leaves the minimum period open from {@code opensOn}, both days counted. */
    private LocalDate earliestClose(LocalDate opensOn) {
        return opensOn.plus(minimum).minusDays(1);
    }
}
