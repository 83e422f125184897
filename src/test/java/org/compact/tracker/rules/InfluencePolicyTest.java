package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InfluencePolicyTest {

    private static final LocalDate OPENS = LocalDate.of(2027, 1, 4);
    private static final LocalDate CLOSES = LocalDate.of(2027, 4, 1);

    private final InfluencePolicy influence = new InfluencePolicy(RuleSettings.defaults());

    @Test
    void refusesADecisionExactlyFourWeeksAfterClosing() {
        Check check = influence.evaluate(Facts.planned().open(OPENS, CLOSES)
                .decision(LocalDate.of(2027, 4, 29), "Cabinet").build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Consult before the decision: closing on 2027-04-01 with 4 weeks for analysis (2027-04-29) "
                + "leaves no time before the decision on 2027-04-29; decide on 2027-04-30 or later, or close earlier.",
                check.reason());
    }

    @Test
    void passesADecisionOneDayLater() {
        Check check = influence.evaluate(Facts.planned().open(OPENS, CLOSES)
                .decision(LocalDate.of(2027, 4, 30), "Cabinet").build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Closes on 2027-04-01; with 4 weeks for analysis the decision by Cabinet on 2027-04-30 can "
                + "still change.", check.reason());
    }

    @Test
    void namesEveryMissingItem() {
        Check check = influence.evaluate(Facts.planned().open(OPENS, null).decision(null, " ")
                .openToChange(null).fixed("").build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Consult before the decision: record the decision date; record who makes the decision; "
                + "state what is open to change; state what is fixed; set a close date.", check.reason());
    }

    @Test
    void failsWhenOnlyWhatIsFixedIsMissing() {
        Check check = influence.evaluate(Facts.planned().fixed(null).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Consult before the decision: state what is fixed.", check.reason());
    }

    @Test
    void failsWithoutACloseDateEvenWhenEverythingElseIsRecorded() {
        Check check = influence.evaluate(Facts.planned().open(OPENS, null).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertTrue(check.reason().contains("set a close date"), check.reason());
    }

    @Test
    void failsADecisionBeforeTheConsultationCloses() {
        Check check = influence.evaluate(Facts.planned().open(OPENS, CLOSES)
                .decision(LocalDate.of(2027, 3, 1), "Cabinet").build());

        assertEquals(Verdict.FAIL, check.verdict());
    }
}
