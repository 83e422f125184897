package org.compact.tracker.compliance;

import org.compact.tracker.feedback.ConcernKind;

import java.util.Map;

/**
 * The Gold Standards as people read them: each rule of the catalogue as the promise it stands for, for the annual
 * report and the monthly letter (codes stay in the JSON and CSV).
 */
public final class GoldStandards {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("NOTICE", "Notice of a consultation at least a month before it opens"),
            Map.entry("PRIOR_WORK", "Earlier consultation on the subject taken into account"),
            Map.entry("INFLUENCE", "Consulted while the decision could still be changed"),
            Map.entry("DURATION", "Twelve weeks to respond"),
            Map.entry("METHODS", "Methods and audiences chosen for the people asked"),
            Map.entry("INCLUSION", "Socially excluded groups included"),
            Map.entry("OVERLOAD", "Organisations not overloaded with consultations"),
            Map.entry("OPT_OUT", "Organisations' wishes not to be consulted respected"),
            Map.entry("FEEDBACK", "Feedback given on time"),
            Map.entry("ACTION", "Promised actions carried out"),
            Map.entry("SHARE", "Results published"),
            Map.entry("CLEAR_LANGUAGE", "Clear, plain language"),
            Map.entry("MONITOR", "Concerns answered"));

    private GoldStandards() {
    }

    /** What a concern of this kind is about, in the words of the form ({@link ConcernKind#label()}). */
    public static String concern(String kind) {
        for (ConcernKind k : ConcernKind.values()) {
            if (k.name().equals(kind)) {
                return k.label();
            }
        }
        return kind;
    }

    /** The standard a rule id stands for, in words; an unknown id as it is. */
    public static String words(String rule) {
        return WORDS.getOrDefault(rule, rule);
    }
}
