package org.compact.tracker.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CLEAR_LANGUAGE: the summary that organisations receive is in clear language, without jargon (seed 004). Volunteers
 * read it in spare time, often in a second language; a summary they cannot follow is a consultation they miss.
 *
 * <p>The summary warns when blank, when its Flesch reading ease ({@link Readability}) is below the minimum, when its
 * sentences are longer on average than the maximum, or when it uses a word or phrase of the jargon list. Jargon
 * matches whole words and phrases in any case, with a plural "s" or "es", and with a space or a hyphen between
 * the words of a phrase: "Cross cutting" and "stakeholders" are found, "leveraged" is not.
 */
final class ClearLanguagePolicy implements RulePolicy {

    private static final String WORD_CHARACTER = "[\\p{L}\\p{N}]";

    private final double minimumReadingEase;
    private final int maximumSentenceWords;
    private final Map<String, Pattern> jargon = new LinkedHashMap<>();

    ClearLanguagePolicy(RuleSettings settings) {
        this.minimumReadingEase = settings.minimumReadingEase();
        this.maximumSentenceWords = settings.maximumSentenceWords();
        for (String term : settings.jargon()) {
            if (!Reasons.blank(term)) {
                jargon.putIfAbsent(term.strip().toLowerCase(Locale.ROOT), wholeWords(term));
            }
        }
    }

    @Override
    public RuleId id() {
        return RuleId.CLEAR_LANGUAGE;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        String summary = Reasons.blank(facts.summary()) ? "" : facts.summary();
        Readability readability = Readability.of(summary);
        if (readability.words() == 0) {
            return Check.warn(id(), "No summary yet: write one in clear language for the organisations notified.");
        }
        long ease = (long) Math.floor(readability.readingEase());
        List<String> findings = new ArrayList<>();
        if (readability.readingEase() < minimumReadingEase) {
            findings.add("reading ease " + ease + " is below " + number(minimumReadingEase)
                    + ", so use shorter words and sentences");
        }
        if (readability.wordsPerSentence() > maximumSentenceWords) {
            findings.add("sentences average " + number(readability.wordsPerSentence()) + " words, more than "
                    + maximumSentenceWords);
        }
        List<String> found = jargonIn(summary);
        if (!found.isEmpty()) {
            findings.add("say plainly what is meant by " + String.join(", ", found));
        }
        if (findings.isEmpty()) {
            return Check.pass(id(), "Reading ease " + ease + ", sentences average "
                    + number(readability.wordsPerSentence()) + " words, no jargon found.");
        }
        return Check.warn(id(), Reasons.sentence("Write the summary in clear language", findings));
    }

    private List<String> jargonIn(String summary) {
        return jargon.entrySet().stream()
                .filter(term -> term.getValue().matcher(summary).find())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Pattern wholeWords(String term) {
        String[] words = term.strip().split("[\\s\\-]+");
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(Pattern.quote(word));
        }
        return Pattern.compile("(?<!" + WORD_CHARACTER + ")" + String.join("[\\s\\-]+", quoted)
                + "(?:s|es)?(?!" + WORD_CHARACTER + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** 25 as "25", 31.456 as "31.5": the numbers a reader of the checklist needs, no more. */
    private static String number(double value) {
        double tenths = Math.round(value * 10) / 10.0;
        return tenths == Math.rint(tenths) ? String.valueOf((long) tenths) : String.valueOf(tenths);
    }
}
