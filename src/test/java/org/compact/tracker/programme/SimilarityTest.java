package org.compact.tracker.programme;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimilarityTest {
    private static Similarity.Subject subject(List<String> themes, List<String> areas, String title, String summary) {
        return new Similarity.Subject(themes, areas, title, summary);
    }

    @Test
    void scoresThreeForEachSharedThemeTwoForEachSharedAreaAndOneForEachSharedWord() {
        Similarity.Score s = Similarity.score(
                subject(List.of("housing", "transport"), List.of("Ordsall", "Kersal"), "New homes at the depot", "Homes on the old bus depot."),
                subject(List.of("Housing"), List.of("ordsall"), "Depot homes", "Homes where the depot was."));

        assertEquals(3 + 2 + 2, s.score());
        assertThat(s.why()).containsExactly("theme: housing", "area: Ordsall", "words: homes, depot");
    }

    @Test
    void countsAtMostFiveSharedWords() {
        String text = "library opening hours volunteers books computers children reading";
        Similarity.Score s = Similarity.score(subject(List.of(), List.of(), text, null), subject(List.of(), List.of(), text, null));

        assertEquals(Similarity.MAX_WORDS, s.score());
        assertThat(s.why()).containsExactly("words: library, opening, hours, volunteers, books");
    }

    @Test
    void ignoresCommonWordsAndTheWordsEveryConsultationUses() {
        Similarity.Score s = Similarity.score(
                subject(List.of(), List.of(), "Tell us your views on the council's plans", "We want to consult people."),
                subject(List.of(), List.of(), "Your views: the council plans", "Tell us what people think of this consultation."));

        assertEquals(0, s.score());
        assertThat(s.why()).isEmpty();
    }

    @Test
    void foldsPluralsAndAccentsButShowsTheReferencesOwnWord() {
        Similarity.Score s = Similarity.score(
                subject(List.of(), List.of(), "Libraries and cafés", null),
                subject(List.of(), List.of(), "A library with a cafe", null));

        assertThat(s.why()).containsExactly("words: libraries, cafés");
        assertEquals(2, s.score());
    }

    @Test
    void aCityWideConsultationSharesNoArea() {
        Similarity.Score s = Similarity.score(subject(List.of("parks"), List.of(), "Parks", null),
                subject(List.of("parks"), List.of(), "Green spaces", null));

        assertEquals(3, s.score());
        assertThat(s.why()).containsExactly("theme: parks");
    }

    @Test
    void doesNotCountAThemeOrAreaAgainAsAWord() {
        Similarity.Score s = Similarity.score(subject(List.of("housing"), List.of("Ordsall"), "Housing in Ordsall", null),
                subject(List.of("housing"), List.of("Ordsall"), "Ordsall housing", null));

        assertEquals(5, s.score());
        assertThat(s.why()).containsExactly("theme: housing", "area: Ordsall");
    }

    @Test
    void nothingInCommonScoresNothing() {
        Similarity.Score s = Similarity.score(subject(List.of("housing"), List.of("Ordsall"), "New homes", "The depot site."),
                subject(List.of("transport"), List.of("Kersal"), "Bus lanes", "Faster buses on the A6."));

        assertEquals(0, s.score());
        assertThat(s.why()).isEmpty();
    }
}
