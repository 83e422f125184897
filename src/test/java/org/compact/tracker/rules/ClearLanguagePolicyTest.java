package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClearLanguagePolicyTest {

    private static final String PLAIN = "We want to change when the libraries open. Tell us which hours suit you. "
            + "We will read every answer before we decide.";

    private static final String JARGON_HEAVY = "Going forward, the overarching paradigm of the thematic review is "
            + "to leverage cross-cutting synergy across the holistic delivery of neighbourhood library provision, "
            + "mainstreaming best practice and capacity building with stakeholders in order to achieve a step change "
            + "in the performance management framework for cultural services in the authority's administrative area.";

    private final ClearLanguagePolicy clearLanguage = new ClearLanguagePolicy(RuleSettings.defaults());

    @Test
    void passesAPlainSummaryWithItsScore() {
        Check check = clearLanguage.evaluate(Facts.planned().summary(PLAIN).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertTrue(check.reason().startsWith("Reading ease "), check.reason());
        assertTrue(check.reason().endsWith("sentences average 7.3 words, no jargon found."), check.reason());
    }

    @Test
    void warnsOfAJargonHeavySummaryWithLongSentences() {
        Check check = clearLanguage.evaluate(Facts.planned().summary(JARGON_HEAVY).build());

        assertEquals(Verdict.WARN, check.verdict());
        assertTrue(check.reason().startsWith("Write the summary in clear language: reading ease "), check.reason());
        assertTrue(check.reason().contains("is below 50, so use shorter words and sentences"), check.reason());
        assertTrue(check.reason().contains("sentences average 50 words, more than 25"), check.reason());
        assertTrue(check.reason().endsWith("say plainly what is meant by stakeholder, going forward, synergy, "
                + "leverage, paradigm, holistic, best practice, capacity building, thematic, mainstreaming, "
                + "step change, cross-cutting, overarching."), check.reason());
    }

    @Test
    void findsJargonAsWholeWordsInAnyCaseAndSpelling() {
        Check check = clearLanguage.evaluate(Facts.planned()
                .summary("Tell the Stakeholders. Work Cross Cutting. Use place shaping. It was leveraged.").build());

        assertTrue(check.reason().endsWith("say plainly what is meant by stakeholder, cross-cutting, place-shaping."),
                check.reason());
    }

    @Test
    void doesNotFindJargonInsideLongerWords() {
        Check check = clearLanguage.evaluate(Facts.planned().summary("Our commencement date is in May. "
                + "The thematically grouped pages are online.").build());

        assertTrue(!check.reason().contains("say plainly"), check.reason());
    }

    @Test
    void warnsOfABlankSummary() {
        Check check = clearLanguage.evaluate(Facts.planned().summary("  ").build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("No summary yet: write one in clear language for the organisations notified.", check.reason());
    }
}
