package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private final RuleBook rules = new RuleBook(RuleSettings.defaults());

    @Test
    void checksEveryRuleInCatalogueOrder() {
        List<Check> checks = rules.evaluate(Facts.planned().build(), Set.of());

        assertEquals(List.of(RuleId.NOTICE, RuleId.PRIOR_WORK, RuleId.INFLUENCE, RuleId.DURATION, RuleId.METHODS,
                RuleId.INCLUSION, RuleId.OVERLOAD, RuleId.CLEAR_LANGUAGE), checks.stream().map(Check::ruleId).toList());
        assertTrue(checks.stream().allMatch(check -> check.verdict() == Verdict.PASS), checks.toString());
    }

    @Test
    void turnsAnExemptedFailIntoExempt() {
        ConsultationFacts facts = Facts.planned().open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 14)).build();

        Check duration = rules.evaluate(facts, Set.of(RuleId.DURATION)).get(3);

        assertEquals(Verdict.EXEMPT, duration.verdict());
        assertEquals("Exempted: Open for 28 days (2027-02-15 to 2027-03-14); at least 12 weeks is expected, so close "
                + "on 2027-05-09 or later, or record a written rationale (exemption).", duration.reason());
    }

    @Test
    void turnsAnExemptedWarnIntoExemptAndLeavesAPassAlone() {
        List<Check> checks = rules.evaluate(Facts.planned().summary("").build(),
                Set.of(RuleId.CLEAR_LANGUAGE, RuleId.PRIOR_WORK));

        assertEquals(Verdict.PASS, checks.get(1).verdict());
        assertEquals(Verdict.EXEMPT, checks.get(7).verdict());
    }

    @Test
    void blocksNotificationOnlyByFailedRulesOfTheNotifyGate() {
        ConsultationFacts facts = Facts.planned().today(LocalDate.of(2027, 2, 1)).priorWork(List.of(), null)
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 14)).methods().build();
        List<Check> checks = rules.evaluate(facts, Set.of(RuleId.DURATION));

        assertEquals(List.of(RuleId.PRIOR_WORK), ruleIds(rules.blocking(checks, RuleId.Gate.NOTIFY)));
        assertEquals(List.of(RuleId.NOTICE), ruleIds(rules.blocking(checks, RuleId.Gate.OPEN)));
        assertEquals(List.of(), ruleIds(rules.blocking(checks, RuleId.Gate.NONE)));
    }

    @Test
    void refusesToOpenBeforeOneCalendarMonthOfNoticeUnlessExempted() {
        LocalDate notified = LocalDate.of(2027, 1, 31);

        assertEquals(Verdict.FAIL, rules.mayOpenOn(notified, LocalDate.of(2027, 2, 27), false).verdict());
        assertEquals(Verdict.EXEMPT, rules.mayOpenOn(notified, LocalDate.of(2027, 2, 27), true).verdict());
        assertEquals(Verdict.PASS, rules.mayOpenOn(notified, LocalDate.of(2027, 2, 28), true).verdict());
    }

    @Test
    void givesTheNoticeDeadlineAndTheEarliestOpening() {
        assertEquals(LocalDate.of(2027, 1, 31), rules.noticeDeadline(LocalDate.of(2027, 2, 28)));
        assertEquals(LocalDate.of(2028, 2, 29), rules.earliestOpening(LocalDate.of(2028, 1, 31)));
    }

    private static List<RuleId> ruleIds(List<Check> checks) {
        return checks.stream().map(Check::ruleId).toList();
    }

    @Test
    void theNoticePeriodIsNamedAsTheCouncilSetIt() {
        RuleSettings d = RuleSettings.defaults();
        RuleSettings sixWeeks = new RuleSettings(java.time.Period.ofWeeks(6), d.priorWorkLookBack(), d.analysisPeriod(),
                d.minimumDuration(), d.overloadConcurrent(), d.overloadPerQuarter(), d.expectedProvisions(),
                d.themeGroups(), d.minimumReadingEase(), d.maximumSentenceWords(), d.jargon());

        assertEquals("one calendar month", new RuleBook(d).noticePeriodInWords());
        assertEquals("6 weeks", new RuleBook(sixWeeks).noticePeriodInWords());
    }
}
