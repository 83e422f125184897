package org.compact.tracker.rules;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FEEDBACK and ACTION: "always give feedback to those who have participated … even when no change has been made"
 * (seed 001), due {@code tracker.rules.feedback.due} (P12W) after the close date, chased with reminders at due − P4W
 * and due − P1W and a last one on the due date itself (feedback given that day is on time: the check says "0 days
 * left" and the compliance report counts it in time), then escalated as a breach from the day after and every week
 * after that until it is given; and "turn your
 * consultation into action": promised actions are tracked to done, and overdue ones flagged.
 */
@Singleton
public class FeedbackRules {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private final Period due;
    private final Period firstReminder;
    private final Period secondReminder;

    public FeedbackRules(@Value("${tracker.rules.feedback.due:P12W}") String due,
                         @Value("${tracker.rules.feedback.first-reminder:P4W}") String firstReminder,
                         @Value("${tracker.rules.feedback.second-reminder:P1W}") String secondReminder) {
        this.due = parse("tracker.rules.feedback.due", due);
        this.firstReminder = parse("tracker.rules.feedback.first-reminder", firstReminder);
        this.secondReminder = parse("tracker.rules.feedback.second-reminder", secondReminder);
    }

    /** The date feedback is due for a consultation closing on {@code closesOn}. */
    public LocalDate dueDate(LocalDate closesOn) {
        return closesOn.plus(due);
    }

    /** One step of the chase: what to send, and a key that is the same however often the chase runs that week. */
    public record ChaseStep(Kind kind, String key, LocalDate due) {
        /**
         * A reminder to the lead officer (before the due date), the lead officer told it is due today (the due date,
         * still on time), or an escalation to the officer and the agency's compliance contact (from the day after).
         */
        public enum Kind { REMINDER, DUE_TODAY, BREACH }
    }

    /**
     * What the chase owes today for feedback due on {@code dueDate}, if anything: the latest reminder whose day
     * has come (a chase that missed days sends that one only), "due today" on the due date, or the breach of the
     * current week from the day after the due date (week 0 is the first seven days overdue).
     */
    public Optional<ChaseStep> chase(LocalDate dueDate, LocalDate today) {
        if (today.isAfter(dueDate)) {
            long week = ChronoUnit.WEEKS.between(dueDate.plusDays(1), today);
            return Optional.of(new ChaseStep(ChaseStep.Kind.BREACH, "breach:" + dueDate + ":w" + week, dueDate));
        }
        if (today.isEqual(dueDate)) {
            return Optional.of(new ChaseStep(ChaseStep.Kind.DUE_TODAY, "due-today:" + dueDate, dueDate));
        }
        if (!today.isBefore(dueDate.minus(secondReminder))) {
            return Optional.of(new ChaseStep(ChaseStep.Kind.REMINDER, "reminder:" + dueDate + ":" + secondReminder, dueDate));
        }
        if (!today.isBefore(dueDate.minus(firstReminder))) {
            return Optional.of(new ChaseStep(ChaseStep.Kind.REMINDER, "reminder:" + dueDate + ":" + firstReminder, dueDate));
        }
        return Optional.empty();
    }

    /** The FEEDBACK and ACTION checks, exemptions applied. */
    public List<Check> evaluate(FeedbackFacts f, Set<RuleId> exempted) {
        return List.of(exempt(feedback(f), exempted), exempt(action(f), exempted));
    }

    Check feedback(FeedbackFacts f) {
        if (f.feedbackGivenOn() != null) {
            return Check.pass(RuleId.FEEDBACK, "Feedback given on " + f.feedbackGivenOn() + ".");
        }
        if (f.closesOn() == null) {
            return Check.pass(RuleId.FEEDBACK, "Feedback falls due " + describe(due) + " after the close date.");
        }
        LocalDate dueDate = dueDate(f.closesOn());
        String decidedLate = decidedAfterDue(f.decisionDate(), dueDate);
        if (!f.closed()) {
            String dueBy = "Feedback will be due by " + dueDate + ", " + describe(due) + " after closing on "
                    + f.closesOn() + ".";
            return decidedLate == null ? Check.pass(RuleId.FEEDBACK, dueBy)
                    : Check.warn(RuleId.FEEDBACK, decidedLate + " " + dueBy);
        }
        if (f.today().isAfter(dueDate)) {
            return Check.fail(RuleId.FEEDBACK, "Feedback was due by " + dueDate + " and is "
                    + ChronoUnit.DAYS.between(dueDate, f.today()) + " days overdue: tell everyone notified and everyone "
                    + "who took part what was heard, what was decided and why, even if nothing changed.");
        }
        return Check.warn(RuleId.FEEDBACK, "Feedback is due by " + dueDate + " ("
                + ChronoUnit.DAYS.between(f.today(), dueDate) + " days left)."
                + (decidedLate == null ? "" : " " + decidedLate));
    }

    /**
     * The warning when the decision is taken after feedback falls due: feedback tells people what was decided and
     * why, so it cannot be given on time; null when the decision comes on or before the due date (or is not known).
     */
    @Nullable
    private static String decidedAfterDue(@Nullable LocalDate decisionDate, LocalDate dueDate) {
        if (decisionDate == null || !decisionDate.isAfter(dueDate)) {
            return null;
        }
        return "The decision on " + DAY.format(decisionDate) + " falls after feedback is due on "
                + DAY.format(dueDate) + ": feedback tells people what was decided and why, so it would be late."
                + " Decide by " + DAY.format(dueDate) + ", or close earlier.";
    }

    Check action(FeedbackFacts f) {
        List<LocalDate> overdue = f.openActionDues().stream().filter(d -> d.isBefore(f.today())).sorted().toList();
        if (!overdue.isEmpty()) {
            return Check.warn(RuleId.ACTION, overdue.size() + " promised action" + (overdue.size() == 1 ? " is" : "s are")
                    + " overdue (the oldest since " + overdue.get(0) + "): turn consultation into action.");
        }
        if (!f.openActionDues().isEmpty()) {
            return Check.pass(RuleId.ACTION, f.openActionDues().size() + " promised action"
                    + (f.openActionDues().size() == 1 ? "" : "s") + " in progress, none overdue.");
        }
        return Check.pass(RuleId.ACTION, "No promised action is open.");
    }

    private static Check exempt(Check c, Set<RuleId> exempted) {
        return c.verdict() != Verdict.PASS && exempted.contains(c.ruleId())
                ? new Check(c.ruleId(), Verdict.EXEMPT, "Exempted: " + c.reason()) : c;
    }

    private static String describe(Period p) {
        if (p.getMonths() == 0 && p.getYears() == 0 && p.getDays() % 7 == 0) {
            return (p.getDays() / 7) + " weeks";
        }
        return p.toString();
    }

    private static Period parse(String name, @Nullable String value) {
        try {
            return Period.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new io.micronaut.context.exceptions.ConfigurationException(name + ": '" + value
                    + "' is not an ISO-8601 period such as P12W");
        }
    }
}
