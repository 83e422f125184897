package org.compact.tracker.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedbackRulesTest {
    private final FeedbackRules rules = new FeedbackRules("P12W", "P4W", "P1W");
    private static final LocalDate CLOSES = LocalDate.of(2027, 4, 30);
    private static final LocalDate DUE = LocalDate.of(2027, 7, 23);

    @Test
    void feedbackIsDueTwelveWeeksAfterTheCloseDate() {
        assertEquals(DUE, rules.dueDate(CLOSES));
    }

    @Test
    void nothingIsChasedBeforeFourWeeksToGo() {
        assertThat(rules.chase(DUE, DUE.minusWeeks(4).minusDays(1))).isEmpty();
    }

    @Test
    void remindsOnTheDayFourWeeksBeforeAndAgainOneWeekBefore() {
        FeedbackRules.ChaseStep four = rules.chase(DUE, DUE.minusWeeks(4)).orElseThrow();
        FeedbackRules.ChaseStep stillFour = rules.chase(DUE, DUE.minusWeeks(1).minusDays(1)).orElseThrow();
        FeedbackRules.ChaseStep one = rules.chase(DUE, DUE.minusWeeks(1)).orElseThrow();
        assertEquals(FeedbackRules.ChaseStep.Kind.REMINDER, four.kind());
        assertEquals(four.key(), stillFour.key(), "the same reminder all that week, so it is sent once");
        assertThat(one.key()).isNotEqualTo(four.key());
    }

    @Test
    void onTheDueDateItIsDueTodayNotABreach() {
        FeedbackRules.ChaseStep onDue = rules.chase(DUE, DUE).orElseThrow();
        assertEquals(FeedbackRules.ChaseStep.Kind.DUE_TODAY, onDue.kind());
        assertThat(onDue.key()).isNotEqualTo(rules.chase(DUE, DUE.minusDays(1)).orElseThrow().key());
        assertEquals(Verdict.WARN, check(new FeedbackFacts(DUE, CLOSES, true, null, List.of())).verdict(),
                "the checklist counts the due day as on time too");
    }

    @Test
    void escalatesFromTheDayAfterTheDueDateAndThenWeekly() {
        FeedbackRules.ChaseStep dayAfter = rules.chase(DUE, DUE.plusDays(1)).orElseThrow();
        assertEquals(FeedbackRules.ChaseStep.Kind.BREACH, dayAfter.kind());
        assertEquals(Verdict.FAIL, check(new FeedbackFacts(DUE.plusDays(1), CLOSES, true, null, List.of())).verdict());
        assertEquals(dayAfter.key(), rules.chase(DUE, DUE.plusDays(7)).orElseThrow().key(), "once in its first week");
        FeedbackRules.ChaseStep secondWeek = rules.chase(DUE, DUE.plusDays(8)).orElseThrow();
        assertEquals(FeedbackRules.ChaseStep.Kind.BREACH, secondWeek.kind());
        assertThat(secondWeek.key()).isNotEqualTo(dayAfter.key());
    }

    @Test
    void aDecisionOnTheFeedbackDueDateIsNotWarned() {
        Check planned = check(new FeedbackFacts(CLOSES.minusWeeks(12), CLOSES, false, null, List.of(), DUE));
        assertEquals(Verdict.PASS, planned.verdict(), planned::reason);
    }

    @Test
    void aDecisionAfterTheFeedbackDueDateIsWarnedNamingBothDays() {
        Check planned = check(new FeedbackFacts(CLOSES.minusWeeks(12), CLOSES, false, null, List.of(), DUE.plusDays(1)));
        assertEquals(Verdict.WARN, planned.verdict());
        assertThat(planned.reason()).contains("The decision on Saturday 24 July 2027 falls after feedback is due on "
                + "Friday 23 July 2027");
        Check closed = check(new FeedbackFacts(DUE.minusDays(3), CLOSES, true, null, List.of(), DUE.plusWeeks(2)));
        assertEquals(Verdict.WARN, closed.verdict());
        assertThat(closed.reason()).contains("3 days left").contains("Friday 6 August 2027");
    }

    @Test
    void aMovedCloseDateMovesEveryReminder() {
        LocalDate later = rules.dueDate(CLOSES.plusWeeks(2));
        assertThat(rules.chase(later, DUE.minusWeeks(4))).isEmpty();
        assertThat(rules.chase(later, later.minusWeeks(4)).orElseThrow().key()).contains(later.toString());
    }

    @Test
    void feedbackFailsOnlyOnceOverdueAndPassesWhenGiven() {
        assertEquals(Verdict.WARN, check(new FeedbackFacts(DUE, CLOSES, true, null, List.of())).verdict());
        assertEquals(Verdict.FAIL, check(new FeedbackFacts(DUE.plusDays(1), CLOSES, true, null, List.of())).verdict());
        assertEquals(Verdict.PASS, check(new FeedbackFacts(DUE.plusDays(30), CLOSES, true, DUE.plusDays(3), List.of())).verdict());
        assertEquals(Verdict.PASS, check(new FeedbackFacts(DUE.plusDays(1), CLOSES, false, null, List.of())).verdict());
        assertEquals(Verdict.EXEMPT, rules.evaluate(new FeedbackFacts(DUE.plusDays(1), CLOSES, true, null, List.of()),
                Set.of(RuleId.FEEDBACK)).get(0).verdict());
    }

    @Test
    void anActionPastItsDueDateIsFlagged() {
        LocalDate today = LocalDate.of(2027, 9, 1);
        assertEquals(Verdict.PASS, rules.evaluate(new FeedbackFacts(today, CLOSES, true, DUE, List.of(today)), Set.of()).get(1).verdict());
        Check overdue = rules.evaluate(new FeedbackFacts(today, CLOSES, true, DUE, List.of(today.minusDays(1))), Set.of()).get(1);
        assertEquals(Verdict.WARN, overdue.verdict());
        assertThat(overdue.reason()).contains(today.minusDays(1).toString());
    }

    @Test
    void refusesAPeriodThatIsNotIso8601() {
        assertThatThrownBy(() -> new FeedbackRules("twelve weeks", "P4W", "P1W")).hasMessageContaining("tracker.rules.feedback.due");
    }

    private Check check(FeedbackFacts f) {
        return rules.evaluate(f, Set.of()).get(0);
    }
}
