package org.compact.tracker.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
        assertEquals("Suit the methods to the audience: Sensory impairments: offer large print, braille, audio, "
                + "BSL interpreter or hearing loop.", check.reason());
    }

    @Test
    void doesNotJudgeAudiencesWithoutExpectedProvisions() {
        Check check = methods.evaluate(Facts.planned().audiences("GENERAL_PUBLIC", "Allotment holders")
                .provisions().build());

        assertEquals(Verdict.PASS, check.verdict());
    }

    private static final TargetedOrganisation DEAF_FORUM = new TargetedOrganisation(5, "Salford Deaf Forum",
            Set.of("SENSORY_IMPAIRMENTS"), List.of(), Map.of("BSL_INTERPRETER",
            "a British Sign Language interpreter at meetings"), Set.of(), true);
    private static final TargetedOrganisation POLISH_CENTRE = new TargetedOrganisation(6, "Polish Centre",
            Set.of("MINORITY_ETHNIC"), List.of(), Map.of("LARGE_PRINT", "large print"), Set.of("Polish"), true);

    @Test
    void namesAnOrganisationWhoseRecordedFormatIsNotOffered() {
        Check check = methods.evaluate(Facts.planned().targets(DEAF_FORUM).build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Meet the needs the organisations asked have recorded: Salford Deaf Forum needs a British Sign "
                + "Language interpreter at meetings, not offered.", check.reason());
    }

    @Test
    void passesWhenTheProvisionOfTheSameCodeIsOffered() {
        Check check = methods.evaluate(Facts.planned().targets(DEAF_FORUM)
                .provisions("LARGE_PRINT", "PAPER_OPTION", "ONLINE_OPTION", "EASY_READ", "BSL_INTERPRETER").build());

        assertEquals(Verdict.PASS, check.verdict(), check::reason);
        assertThat(check.reason()).contains("formats and languages");
    }

    @Test
    void aLanguageIsMetOnlyByATranslationOrInterpreterInThatLanguage() {
        Check none = methods.evaluate(Facts.planned().targets(POLISH_CENTRE).build());
        assertEquals("Meet the needs the organisations asked have recorded: Polish Centre needs Polish (a "
                + "translation or an interpreter), not offered.", none.reason());

        Check otherLanguage = methods.evaluate(Facts.planned().targets(POLISH_CENTRE)
                .provisions("LARGE_PRINT", "TRANSLATION").languages("Urdu").build());
        assertEquals(Verdict.WARN, otherLanguage.verdict());
        assertThat(otherLanguage.reason()).contains("Polish Centre needs Polish");

        Check named = methods.evaluate(Facts.planned().targets(POLISH_CENTRE)
                .provisions("LARGE_PRINT", "PAPER_OPTION", "ONLINE_OPTION", "EASY_READ", "INTERPRETER")
                .languages("urdu", " polish ").build());
        assertEquals(Verdict.PASS, named.verdict(), named::reason);

        Check namedWithoutTranslation = methods.evaluate(Facts.planned().targets(POLISH_CENTRE)
                .provisions("LARGE_PRINT").languages("Polish").build());
        assertEquals(Verdict.WARN, namedWithoutTranslation.verdict());
    }

    @Test
    void listsEveryUnmetNeedOfEachOrganisationAfterTheAudienceFindings() {
        Check check = methods.evaluate(Facts.planned().audiences("MINORITY_ETHNIC").provisions("EASY_READ")
                .targets(POLISH_CENTRE, DEAF_FORUM).build());

        assertEquals("Suit the methods to the audience: Minority ethnic: offer translation or interpreter. "
                + "Meet the needs the organisations asked have recorded: Polish Centre needs large print and Polish (a "
                + "translation or an interpreter), not offered; Salford Deaf Forum needs a British Sign Language "
                + "interpreter at meetings, not offered.", check.reason());
    }

    @Test
    void ignoresTheNeedsOfAnOrganisationNoNoticeWillReach() {
        TargetedOrganisation optedOut = new TargetedOrganisation(5, "Salford Deaf Forum", Set.of(), List.of(),
                DEAF_FORUM.formats(), Set.of(), false);

        assertEquals(Verdict.PASS, methods.evaluate(Facts.planned().targets(optedOut).build()).verdict());
    }
}
