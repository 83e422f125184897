package org.compact.tracker.programme;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words of free text for search and similarity: lower case, accents removed, split on anything that is not a
 * letter or digit, with a light folding of plurals ("homes" and "home", "libraries" and "library" are one word).
 * Significant words also leave out numbers, words under three letters, common English words and the words every
 * consultation uses ("consultation", "council", "views" …).
 */
final class Words {
    static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "around",
            "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "ever", "every",
            "few", "for", "from", "further", "get", "give", "given", "had", "has", "have", "having", "he", "her", "here",
            "hers", "him", "his", "how", "however", "if", "in", "into", "is", "it", "its", "just", "let", "like", "made",
            "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "near", "need", "needs", "new",
            "next", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
            "out", "over", "own", "per", "same", "shall", "she", "should", "since", "so", "some", "still", "such",
            "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "under", "until", "up", "upon", "us", "use", "used", "very", "via", "want", "was",
            "way", "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why",
            "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
            // Words every consultation uses: sharing them says nothing about the subject.
            "consult", "consultation", "consultations", "consulting", "council", "councils", "city", "view", "views",
            "tell", "think", "ask", "asking", "proposal", "proposals", "propose", "proposed", "plan", "plans",
            "planning", "people", "residents", "local", "area", "areas", "part", "take", "taking", "please", "help",
            "know", "find", "say", "said", "year", "years", "week", "weeks", "month", "months");

    private Words() {
    }

    /** Every word of {@code text}, normalised, in order (repeats kept). */
    static List<String> tokens(String text) {
        return surface(text).stream().map(Words::plain).toList();
    }

    /** Every word of {@code text} in lower case as written (accents kept), in order. */
    private static List<String> surface(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (String t : lower.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** A word without accents ("café" → "cafe"). */
    private static String plain(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /** The form two words are compared in: plurals folded ("homes" → "home", "libraries" → "library"). */
    static String key(String token) {
        if (token.length() > 4 && token.endsWith("ies")) {
            return token.substring(0, token.length() - 3) + "y";
        }
        if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us")
                && !token.endsWith("is")) {
            return token.substring(0, token.length() - 1);
        }
        return token;
    }

    static boolean isStopWord(String token) {
        return STOP_WORDS.contains(token) || STOP_WORDS.contains(key(token));
    }

    /** The significant words of the texts, each once: its key and the form it first appeared in, in order. */
    static Map<String, String> significant(String... texts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String text : texts) {
            for (String written : surface(text)) {
                String t = plain(written);
                if (t.length() < 3 || t.chars().allMatch(Character::isDigit) || isStopWord(t)) {
                    continue;
                }
                out.putIfAbsent(key(t), written);
            }
        }
        return out;
    }
}
