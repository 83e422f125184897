package org.compact.tracker.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * NOTICE: third-sector organisations hear of a consultation at least one calendar month before it opens (seed 001,
 * Public Sector commitments), so that small groups can meet and decide whether and how to take part.
 *
 * <p>A calendar month is counted as {@link LocalDate#plus} counts it: notice on 31 January gives a month on
 * 28 February (29 February in a leap year). The consultation may open on the day the period has run, never before:
 * notice on 15 March allows opening on 15 April, and 14 April, the last day of the notice period, is refused.
 */
final class NoticePolicy implements RulePolicy {

    /** Enough to walk past a month end (31 → 28 February is three days); bounds the search for the deadline. */
    private static final int LONGEST_MONTH_END_SLACK = 4;

    private final Period period;
    private final String periodInWords;

    NoticePolicy(RuleSettings settings) {
        this.period = settings.noticePeriod();
        this.periodInWords = Periods.describe(period);
    }

    @Override
    public RuleId id() {
        return RuleId.NOTICE;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        return facts.notifiedOn() == null ? whilePlanned(facts.today(), facts.opensOn())
                : onceNotified(facts.notifiedOn(), facts.opensOn());
    }

    /** The first day a consultation whose notice went out on {@code notifiedOn} may open. */
    LocalDate earliestOpening(LocalDate notifiedOn) {
        return notifiedOn.plus(period);
    }

    /**
     * The last day notice can go out and still give the full period before {@code opensOn}. Usually the open date
     * less the period; at a month end it is later: to open on 28 February, notice on 31 January is still a month.
     */
    LocalDate deadline(LocalDate opensOn) {
        LocalDate deadline = opensOn.minus(period);
        // Subtracting a mixed period (P1M14D) can land too late: step back until it gives the full period.
        for (int day = 0; day < LONGEST_MONTH_END_SLACK && earliestOpening(deadline).isAfter(opensOn); day++) {
            deadline = deadline.minusDays(1);
        }
        for (int day = 0; day < LONGEST_MONTH_END_SLACK && !earliestOpening(deadline.plusDays(1)).isAfter(opensOn);
                day++) {
            deadline = deadline.plusDays(1);
        }
        return deadline;
    }

    /** May a consultation notified on {@code notifiedOn} open on {@code day}? Asked by the open transition. */
    Check mayOpenOn(LocalDate notifiedOn, LocalDate day) {
        if (notifiedOn == null) {
            return Check.fail(id(), "No notice has gone out yet; notify the organisations " + periodInWords
                    + " before opening.");
        }
        LocalDate earliest = earliestOpening(notifiedOn);
        if (day.isBefore(earliest)) {
            return Check.fail(id(), "Notice went out on " + notifiedOn + "; the notice period runs until "
                    + earliest.minusDays(1) + ", so it may open from " + earliest + ", not on " + day + ".");
        }
        return Check.pass(id(), "Notice went out on " + notifiedOn + "; " + periodInWords + " has run, so it may open on "
                + day + ".");
    }

    private Check whilePlanned(LocalDate today, LocalDate opensOn) {
        if (opensOn == null) {
            return Check.warn(id(), "No open date yet: set one to know when notice must go out.");
        }
        LocalDate deadline = deadline(opensOn);
        if (today.isAfter(deadline)) {
            return Check.fail(id(), "The notice deadline for opening on " + opensOn + " was " + deadline
                    + "; notice sent on " + today + " gives less than " + periodInWords + ". Open on "
                    + earliestOpening(today) + " or later, or record an exemption.");
        }
        return Check.pass(id(), "Notify by " + deadline + " to give " + periodInWords + " before opening on "
                + opensOn + ".");
    }

    private Check onceNotified(LocalDate notifiedOn, LocalDate opensOn) {
        LocalDate earliest = earliestOpening(notifiedOn);
        String mayOpen = "Notice went out on " + notifiedOn + "; the consultation may open from " + earliest
                + " (" + periodInWords + ")";
        if (opensOn != null && opensOn.isBefore(earliest)) {
            return Check.fail(id(), mayOpen + ", not on " + opensOn + ".");
        }
        return Check.pass(id(), mayOpen + ".");
    }
}
