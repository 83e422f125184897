package org.compact.tracker.programme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WordsTest {
    @Test
    void splitsOnAnythingThatIsNotALetterOrDigitInLowerCaseWithoutAccents() {
        assertThat(Words.tokens("Café-bar, St. Mary's (A6)!")).containsExactly("cafe", "bar", "st", "mary", "s", "a6");
    }

    @Test
    void foldsCommonPluralsOnly() {
        assertEquals("home", Words.key("homes"));
        assertEquals("library", Words.key("libraries"));
        assertEquals("bus", Words.key("bus"));
        assertEquals("access", Words.key("access"));
        assertEquals("campus", Words.key("campus"));
        assertEquals("analysis", Words.key("analysis"));
    }

    @Test
    void significantWordsLeaveOutShortWordsNumbersAndStopWordsAndKeepTheFirstForm() {
        assertThat(Words.significant("New homes in 2027 for the depot", "A home at the old depot"))
                .containsExactly(java.util.Map.entry("home", "homes"), java.util.Map.entry("depot", "depot"),
                        java.util.Map.entry("old", "old"));
    }
}
