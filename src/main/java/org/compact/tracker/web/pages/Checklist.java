package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.support.Wording;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A consultation's rule checks as the checklist beside the form shows them, each pointing at its field. */
final class Checklist {
    private static final Map<RuleId, String> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(RuleId.NOTICE, "A month's notice before opening"),
            Map.entry(RuleId.PRIOR_WORK, "Earlier consultations checked"),
            Map.entry(RuleId.INFLUENCE, "Views can still change the decision"),
            Map.entry(RuleId.DURATION, "Twelve weeks to respond"),
            Map.entry(RuleId.METHODS, "Ways to take part suit the audiences"),
            Map.entry(RuleId.INCLUSION, "Groups affected are invited"),
            Map.entry(RuleId.OVERLOAD, "Organisations are not asked too often"),
            Map.entry(RuleId.OPT_OUT, "Opt-outs honoured"),
            Map.entry(RuleId.FEEDBACK, "Feedback given"),
            Map.entry(RuleId.ACTION, "Promised actions done"),
            Map.entry(RuleId.CLEAR_LANGUAGE, "Plain language")));
    private static final Map<RuleId, String> FIELDS = new EnumMap<>(Map.of(
            RuleId.NOTICE, "opensOn", RuleId.PRIOR_WORK, "priorWork", RuleId.INFLUENCE, "decisionDate",
            RuleId.DURATION, "closesOn", RuleId.METHODS, "methods", RuleId.INCLUSION, "audiences",
            RuleId.OVERLOAD, "targets", RuleId.CLEAR_LANGUAGE, "summary"));
    /** The warnings a dashboard raises as red flags: the ones about mail and promises to organisations. */
    private static final Set<RuleId> FLAGGED_WARNINGS = Set.of(RuleId.NOTICE, RuleId.FEEDBACK, RuleId.ACTION);

    private Checklist() {
    }

    /** One check: the rule, its verdict and reason, the field to fix (an element id), and whether it blocks a step. */
    public record Item(String ruleId, String name, String verdict, String verdictLabel, String reason, @Nullable String fieldId,
                boolean blocks) {
    }

    static List<Item> of(@Nullable List<Check> checks) {
        if (checks == null) {
            return List.of();
        }
        return checks.stream().map(c -> new Item(c.ruleId().name(), NAMES.getOrDefault(c.ruleId(), Wording.code(c.ruleId().name())),
                c.verdict().name(), verdictLabel(c.verdict()), c.reason(),
                FIELDS.containsKey(c.ruleId()) ? FieldIds.of(FIELDS.get(c.ruleId())) : null,
                c.ruleId().kind() == RuleId.Kind.BLOCK)).toList();
    }

    /** The rule's name in plain words, as the checklist shows it. */
    static String name(RuleId rule) {
        return NAMES.getOrDefault(rule, Wording.code(rule.name()));
    }

    /** Red flags: any failed rule, and warnings on notice, feedback and actions. */
    static List<String> flags(@Nullable List<Check> checks) {
        if (checks == null) {
            return List.of();
        }
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL
                        || (c.verdict() == Verdict.WARN && FLAGGED_WARNINGS.contains(c.ruleId())))
                .map(c -> c.ruleId().name() + (c.verdict() == Verdict.FAIL ? " failed" : " warning") + ": " + c.reason())
                .toList();
    }

    private static String verdictLabel(Verdict v) {
        return switch (v) {
            case PASS -> "Met";
            case WARN -> "Check";
            case FAIL -> "Not met";
            case EXEMPT -> "Exempted";
        };
    }
}
