package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MethodsPolicyTest {

    private final MethodsPolicy methods = new MethodsPolicy(RuleSettings.defaults());

    @Test
    void passesWhenEveryAudienceIsOfferedAProvisionThatSuitsIt() {
        Check check = methods.evaluate(Facts.planned().audiences("OLDER_PEOPLE", "CARERS", "GENERAL_PUBLIC")
                .provisions("DAYTIME_MEETINGS", "REPLACEMENT_CARE").build());

        assertEquals(Verdict.PASS, check.verdict());
    }

    @Test
    void warnsWithoutAMethodOrAnAudience() {
        Check check = methods.evaluate(Facts.planned().methods().audiences().build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Suit the methods to the audience: choose at least one method; name at least one target "
                + "audience.", check.reason());
    }

    @Test
    void namesTheProvisionsExpectedForAnAudienceOfferedNone() {
        Check check = methods.evaluate(Facts.planned().audiences("sensory impairments", "OLDER_PEOPLE")
                .provisions("DAYTIME_MEETINGS").build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Suit the methods to the audience: SENSORY_IMPAIRMENTS: offer one of LARGE_PRINT, BRAILLE, "
                + "AUDIO, BSL_INTERPRETER, HEARING_LOOP.", check.reason());
    }

    @Test
    void doesNotJudgeAudiencesWithoutExpectedProvisions() {
        Check check = methods.evaluate(Facts.planned().audiences("GENERAL_PUBLIC", "Allotment holders")
                .provisions().build());

        assertEquals(Verdict.PASS, check.verdict());
    }
}
