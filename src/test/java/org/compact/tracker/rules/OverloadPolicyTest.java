package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverloadPolicyTest {

    private static final LocalDate OPENS = LocalDate.of(2027, 6, 1);
    private static final LocalDate CLOSES = LocalDate.of(2027, 8, 23);

    private final OverloadPolicy overload = new OverloadPolicy(RuleSettings.defaults());

    @Test
    void passesAnOrganisationAskedIntoThreeAtOnce() {
        Check check = overload.evaluate(facts(organisation("Tenants Federation", overlapping(2))));

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("No targeted organisation is over the limits (at most 3 at once and 6 in three months).",
                check.reason());
    }

    @Test
    void warnsOfAnOrganisationAskedIntoFourAtOnce() {
        Check check = overload.evaluate(facts(organisation("Tenants Federation", overlapping(3)),
                organisation("Allotment Society", overlapping(1))));

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Over-consulted (at most 3 at once and 6 in three months): Tenants Federation (4 at once, "
                + "4 in three months).", check.reason());
    }

    @Test
    void countsAConsultationClosingOnTheOpenDateAsOpenAtTheSameTime() {
        List<DateRange> others = List.of(new DateRange(LocalDate.of(2027, 3, 1), OPENS),
                new DateRange(CLOSES, LocalDate.of(2027, 11, 1)), new DateRange(LocalDate.of(2027, 7, 1), CLOSES));

        assertEquals(Verdict.WARN, overload.evaluate(facts(organisation("Tenants Federation", others))).verdict());
    }

    @Test
    void passesSixInAQuarterAndWarnsOfSeven() {
        assertEquals(Verdict.PASS, overload.evaluate(facts(organisation("Youth Forum", closedBefore(5)))).verdict());

        Check check = overload.evaluate(facts(organisation("Youth Forum", closedBefore(6))));

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Over-consulted (at most 3 at once and 6 in three months): Youth Forum (1 at once, "
                + "7 in three months).", check.reason());
    }

    @Test
    void countsTheQuarterAfterTheOpenDateWhenItIsBusier() {
        List<DateRange> after = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDate from = OPENS.plusMonths(3).minusDays(i);
            after.add(new DateRange(from, from.plusWeeks(12)));
        }
        after.add(new DateRange(OPENS.plusMonths(3).plusDays(1), OPENS.plusMonths(6)));

        Check check = overload.evaluate(facts(organisation("Youth Forum", after)));

        assertEquals(Verdict.WARN, check.verdict());
    }

    @Test
    void namesAtMostTenOrganisations() {
        List<TargetedOrganisation> busy = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            busy.add(organisation("Group " + i, overlapping(3)));
        }

        Check check = overload.evaluate(Facts.planned().open(OPENS, CLOSES)
                .targets(busy.toArray(TargetedOrganisation[]::new)).build());

        assertTrue(check.reason().endsWith("Group 10 (4 at once, 4 in three months) and 2 more."),
                check.reason());
    }

    @Test
    void passesAConsultationWithoutDatesOrTargets() {
        assertEquals("No dates yet: the load on organisations is judged once dates are set.",
                overload.evaluate(Facts.planned().open(OPENS, null).build()).reason());
        assertEquals("No organisations targeted yet.", overload.evaluate(Facts.planned().targets().build()).reason());
    }

    private static ConsultationFacts facts(TargetedOrganisation... targets) {
        return Facts.planned().open(OPENS, CLOSES).targets(targets).build();
    }

    private static TargetedOrganisation organisation(String name, List<DateRange> others) {
        return new TargetedOrganisation(name.hashCode(), name, Set.of(), others);
    }

    /** Consultations open at the same time as this one, each also opening within the quarter before. */
    private static List<DateRange> overlapping(int count) {
        List<DateRange> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            others.add(new DateRange(OPENS.minusWeeks(i + 1), OPENS.plusWeeks(4)));
        }
        return others;
    }

    /** Consultations that opened in the quarter before this one and closed before it opened. */
    private static List<DateRange> closedBefore(int count) {
        List<DateRange> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate from = OPENS.minusMonths(3).plusDays(i);
            others.add(new DateRange(from, from.plusWeeks(2)));
        }
        return others;
    }
}
