package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriorWorkPolicyTest {

    private final PriorWorkPolicy priorWork = new PriorWorkPolicy(RuleSettings.defaults());

    @Test
    void passesWhenRelatedConsultationsAreLinked() {
        Check check = priorWork.evaluate(Facts.planned().priorWork(List.of(3L, 9L), null).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Earlier work checked: 2 related consultations linked.", check.reason());
    }

    @Test
    void passesWhenAStatementSaysNoneIsRelevant() {
        Check check = priorWork.evaluate(Facts.planned()
                .priorWork(List.of(), "Searched the register and the NHS trust's list: nothing on library hours.")
                .build());

        assertEquals(Verdict.PASS, check.verdict());
    }

    @Test
    void failsWhenNoCheckForEarlierWorkIsRecorded() {
        Check check = priorWork.evaluate(Facts.planned().priorWork(null, "  ").build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Record a check for earlier consultations on this subject (those of the last 3 years are "
                + "proposed): link the related ones or state that none is relevant.", check.reason());
    }
}
