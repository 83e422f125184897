package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.Wording;

import java.util.Map;

/**
 * The report's codes in words, for the pages people read (the JSON and the CSV keep the codes): a section's rule
 * id ("PRIOR_WORK" is "Earlier work checked"), a figure's name ("feedbackGiven" is "Feedback given") and a list's
 * column ("daysOverdue" is "Days overdue"). A name with no entry here is put in words by {@link Wording#name}.
 */
public final class ReportWords {
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("SCOPE", "What the report covers"),
            Map.entry("NOTICE", "A month's notice"),
            Map.entry("PRIOR_WORK", "Earlier work checked"),
            Map.entry("INFLUENCE", "Consulted before the decision"),
            Map.entry("DURATION", "Twelve weeks to respond"),
            Map.entry("METHODS", "Methods suit the audience"),
            Map.entry("INCLUSION", "Excluded groups named"),
            Map.entry("OVERLOAD", "Not over-consulting"),
            Map.entry("OPT_OUT", "Opt-outs honoured"),
            Map.entry("FEEDBACK", "Feedback on time"),
            Map.entry("ACTION", "Actions on track"),
            Map.entry("SHARE", "Results shared"),
            Map.entry("CLEAR_LANGUAGE", "Clear language"),
            Map.entry("MONITOR", "Concerns answered"),
            Map.entry("EXEMPTIONS", "Exemptions"));

    private static final Map<String, String> FIGURES = Map.ofEntries(
            Map.entry("rate", "Share that kept the rule"),
            Map.entry("fullNoticeRate", "Share of organisations given a full month's notice"),
            Map.entry("onTimeRate", "Share of feedback given on time"),
            Map.entry("onTrackRate", "Share of actions done or not yet due"),
            Map.entry("answeredRate", "Share of concerns answered"),
            Map.entry("counted", "Consultations counted"),
            Map.entry("consultations", "Consultations in the period"),
            Map.entry("exempted", "Consultations with an exemption"),
            Map.entry("medianLeadDays", "Median notice, in days"),
            Map.entry("worstLeadDays", "Shortest notice, in days"),
            Map.entry("medianDaysAfterClose", "Median days from closing to feedback"),
            Map.entry("medianDaysToAnswer", "Median days to answer a concern"),
            Map.entry("oldestOpenDays", "Days the oldest open concern has waited"),
            Map.entry("withRelated", "With earlier work linked"),
            Map.entry("withStatementOnly", "With a statement that none is relevant"),
            Map.entry("opennessStated", "Saying what is open to change"),
            Map.entry("withMethodAndAudience", "With a method and an audience"),
            Map.entry("namingAnyGroup", "Naming at least one excluded group"),
            Map.entry("withPublishedReport", "Linking a published report"));

    /** Names that read differently in their section: FEEDBACK's "given" is "Feedback given". */
    private static final Map<String, String> IN_SECTION = Map.ofEntries(
            Map.entry("FEEDBACK.closed", "Closed, feedback not yet given"),
            Map.entry("FEEDBACK.given", "Feedback given"),
            Map.entry("FEEDBACK.givenOnTime", "Feedback given on time"),
            Map.entry("FEEDBACK.givenLate", "Feedback given late"),
            Map.entry("FEEDBACK.overdue", "Feedback late, not yet given"),
            Map.entry("FEEDBACK.notYetDue", "Feedback not yet due"),
            Map.entry("ACTION.promised", "Actions promised"),
            Map.entry("ACTION.done", "Actions done"),
            Map.entry("ACTION.doneOnTime", "Actions done on time"),
            Map.entry("ACTION.open", "Actions not yet done"),
            Map.entry("ACTION.overdue", "Actions overdue"),
            Map.entry("MONITOR.open", "Concerns not yet answered"),
            Map.entry("MONITOR.answered", "Concerns answered"),
            Map.entry("MONITOR.raised", "Concerns raised"),
            Map.entry("SCOPE.notified", "Notice given"),
            Map.entry("SCOPE.feedbackGiven", "Feedback given"),
            Map.entry("EXEMPTIONS.exemptions", "Exemptions recorded"));

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("consultationId", "Consultation"),
            Map.entry("agencyId", "Agency"),
            Map.entry("organisationId", "Organisation"),
            Map.entry("actionId", "Action"),
            Map.entry("ruleId", "Rule"),
            Map.entry("name", "Organisation"),
            Map.entry("what", "What was promised"),
            Map.entry("full", "Full notice"),
            Map.entry("band", "Notice given"));

    private ReportWords() {
    }

    /** A section's id in words: "NOTICE" is "A month's notice". */
    public static String rule(@Nullable String id) {
        return id == null ? "" : RULES.getOrDefault(id, Wording.code(id));
    }

    /** A figure's name in words: "feedbackGiven" is "Feedback given", an excluded group's code its words. */
    public static String figure(@Nullable String name) {
        return name == null ? "" : FIGURES.getOrDefault(name, Wording.name(name));
    }

    /** A figure's name in words, as its section reads it: FEEDBACK's "overdue" is "Feedback late, not yet given". */
    public static String figure(String section, @Nullable String name) {
        String words = IN_SECTION.get(section + "." + name);
        return words != null ? words : figure(name);
    }

    /** What a rule's headline rate counts: organisations for NOTICE, actions for ACTION, concerns for MONITOR. */
    public static String unit(String rule, boolean plural) {
        String one = switch (rule) {
            case "NOTICE" -> "organisation";
            case "ACTION" -> "action";
            case "MONITOR" -> "concern";
            case "SHARE" -> "feedback";
            default -> "consultation";
        };
        return plural && !"feedback".equals(one) ? one + "s" : one;
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(
            "\\b([A-Z][A-Z]+(?:_[A-Z]+)*)\\b(?!\\()|\\b([a-z]+(?:[A-Z][a-z]+)+)\\b");
    private static final java.util.Set<String> KEPT = java.util.Set.of("LGBT", "BSL", "NHS", "UTC", "ISO", "SQL", "CSV",
            "JSON");

    /**
     * A definition as a person reads it: each code in it in words ("met / consultations" stays, "withPublishedReport /
     * feedbackGiven" becomes "linking a published report / feedback given", "FEEDBACK_GIVEN" "feedback given").
     */
    public static String prose(@Nullable String text) {
        if (text == null) {
            return "";
        }
        java.util.regex.Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String words;
            if (m.group(1) != null) {
                String code = m.group(1);
                words = KEPT.contains(code) ? code : lowerFirst(RULES.containsKey(code) ? rule(code) : Wording.code(code));
            } else {
                words = lowerFirst(figure(m.group(2)));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lowerFirst(String words) {
        return words.isEmpty() || words.length() > 1 && Character.isUpperCase(words.charAt(1)) ? words
                : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    /** A list's column in words: "daysOverdue" is "Days overdue". */
    public static String column(@Nullable String name) {
        return name == null ? "" : COLUMNS.getOrDefault(name, Wording.name(name));
    }

    /** A value of a list's cell in words: a rule id or a status code becomes words, other text stays. */
    public static String value(String column, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if ("ruleId".equals(column)) {
            return rule(text);
        }
        if ("status".equals(column) || "full".equals(column)) {
            return Wording.code(text);
        }
        return text;
    }
}
