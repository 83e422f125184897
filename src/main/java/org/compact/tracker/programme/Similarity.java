package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How alike two consultations are, in a score anyone can check by hand: 3 for each shared theme, 2 for each shared
 * area (a city-wide consultation has none to share), and 1 for each shared significant word of the titles and
 * summaries, counting at most {@value #MAX_WORDS} (a word that only repeats one of the reference's own themes or areas
 * is not counted again). Themes and areas are compared ignoring case; words as
 * {@link Words} reads them. The explanation names everything that scored, in the reference consultation's words.
 */
public final class Similarity {
    public static final int THEME = 3;
    public static final int AREA = 2;
    public static final int WORD = 1;
    public static final int MAX_WORDS = 5;

    private Similarity() {
    }

    /** What is compared of a consultation. */
    public record Subject(List<String> themes, List<String> areas, String title, @Nullable String summary) {
    }

    /** A score and why: for example ["theme: housing", "area: Ordsall", "words: depot, homes"]. */
    public record Score(int score, List<String> why) {
    }

    public static Score score(Subject reference, Subject other) {
        int score = 0;
        List<String> why = new ArrayList<>();
        for (String theme : shared(reference.themes(), other.themes())) {
            score += THEME;
            why.add("theme: " + theme);
        }
        for (String area : shared(reference.areas(), other.areas())) {
            score += AREA;
            why.add("area: " + area);
        }
        Map<String, String> theirs = Words.significant(other.title(), other.summary());
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String label : reference.themes()) {
            Words.tokens(label).forEach(t -> named.add(Words.key(t)));
        }
        for (String label : reference.areas()) {
            Words.tokens(label).forEach(t -> named.add(Words.key(t)));
        }
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, String> mine : Words.significant(reference.title(), reference.summary()).entrySet()) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            if (theirs.containsKey(mine.getKey()) && !named.contains(mine.getKey())) {
                words.add(mine.getValue());
            }
        }
        if (!words.isEmpty()) {
            score += WORD * words.size();
            why.add("words: " + String.join(", ", words));
        }
        return new Score(score, why);
    }

    /** The values of {@code mine} that {@code theirs} also has (ignoring case and surrounding space), each once. */
    private static List<String> shared(List<String> mine, List<String> theirs) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String m : mine) {
            if (m != null && !m.isBlank()) {
                wanted.putIfAbsent(m.strip().toLowerCase(Locale.ROOT), m.strip());
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (theirs.stream().anyMatch(t -> t != null && t.strip().toLowerCase(Locale.ROOT).equals(w.getKey()))) {
                out.add(w.getValue());
            }
        }
        return out;
    }
}
