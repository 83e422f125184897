package org.compact.tracker.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How easy a text is to read, by the Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables
 * per word. Around 60 to 70 is plain English that most adults read easily; below 50 is hard going, and
 * below 30 reads like a legal document. Syllables are counted by the usual English rules of thumb (vowel groups,
 * a silent final e, "-ed" silent unless after t or d), close enough for a score that is itself a rule of thumb.
 *
 * @param sentences sentences with at least one word; a blank line or a bulleted line also ends a sentence
 * @param words     words, a hyphenated word or a number counting as one
 * @param syllables syllables in all the words
 */
record Readability(int sentences, int words, int syllables) {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n|\\n(?=\\s*[-*•])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    static Readability of(String text) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        for (String sentence : SENTENCE_END.split(text)) {
            Matcher word = WORD.matcher(sentence);
            int wordsBefore = words;
            while (word.find()) {
                words++;
                syllables += syllables(word.group());
            }
            if (words > wordsBefore) {
                sentences++;
            }
        }
        return new Readability(sentences, words, syllables);
    }

    /** Syllables of one word; each part of a hyphenated word counts, a number counts as one. */
    static int syllables(String word) {
        int total = 0;
        for (String part : word.toLowerCase(Locale.ROOT).replaceAll("['’]s$", "").split("[-'’]")) {
            total += syllablesOfPart(part);
        }
        return Math.max(1, total);
    }

    private static int syllablesOfPart(String part) {
        String letters = part.replaceAll("[^a-z]", "");
        if (letters.isEmpty()) {
            return part.isEmpty() ? 0 : 1;
        }
        if (letters.length() <= 3) {
            return 1;
        }
        String spoken = withoutSilentEnding(letters).replaceFirst("^y", "");
        Matcher groups = VOWEL_GROUP.matcher(spoken);
        int count = 0;
        while (groups.find()) {
            count++;
        }
        return Math.max(1, count);
    }

    /** "makes" → "mak", "named" → "nam", "people" and "places" and "wanted" keep their last syllable. */
    private static String withoutSilentEnding(String word) {
        String stem = word;
        if (stem.endsWith("es") && !stem.matches(".*(?:[sxzcg]|ch|sh)es")) {
            stem = stem.substring(0, stem.length() - 1);
        } else if (stem.endsWith("ed") && !stem.matches(".*[td]ed")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.matches(".*[^aeiouy]e") && !stem.matches(".*[^aeiouy]le")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    double wordsPerSentence() {
        return sentences == 0 ? 0 : (double) words / sentences;
    }

    double readingEase() {
        if (words == 0) {
            return 0;
        }
        return 206.835 - 1.015 * wordsPerSentence() - 84.6 * syllables / words;
    }
}
