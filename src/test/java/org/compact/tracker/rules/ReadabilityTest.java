package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
            "the, 1", "you, 1", "young, 1", "makes, 1", "named, 1", "whole, 1", "there, 1",
            "people, 2", "places, 2", "wanted, 2", "table, 2", "decide, 2", "service, 2", "agreed, 2",
            "changes, 2", "community, 4", "consultation, 4", "organisations, 5", "cross-cutting, 3", "2027, 1"})
    void countsSyllablesByTheRulesOfThumb(String word, int syllables) {
        assertEquals(syllables, Readability.syllables(word));
    }

    @Test
    void countsSentencesWordsAndSyllables() {
        Readability readability = Readability.of("Tell us what you think. We will listen!\n\nThank you");

        assertEquals(3, readability.sentences());
        assertEquals(10, readability.words());
        assertEquals(11, readability.syllables());
        assertEquals(10 / 3.0, readability.wordsPerSentence());
    }

    @Test
    void endsASentenceAtEachBullet() {
        assertEquals(3, Readability.of("We will ask\n- what you use\n- what you need").sentences());
    }

    @Test
    void scoresShortWordsInShortSentencesAsEasy() {
        assertTrue(Readability.of("The park will shut at nine. Tell us if that is too soon.").readingEase() > 80);
    }
}
