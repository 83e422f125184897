package org.compact.tracker.compliance;

import org.compact.tracker.rules.RuleId;

import java.util.Map;

/**
 * The exemptions recorded for consultations in the period, per rule id as stored.
 *
 * @param byRule by rule id; a rule with no exemption is absent
 */
record ExemptionCounts(Map<String, PerRule> byRule) {

    /**
     * The exemptions of one rule.
     *
     * @param exemptions         exemptions recorded
     * @param consultations      consultations they are on, any status
     * @param counted            counted consultations they are on
     * @param coveringShortfall  counted consultations whose shortfall they explain (NOTICE: opened without a full
     *                           notice period; DURATION: shorter than the minimum; 0 for the other rules)
     */
    record PerRule(long exemptions, long consultations, long counted, long coveringShortfall) {
        static final PerRule NONE = new PerRule(0, 0, 0, 0);
    }

    PerRule of(RuleId rule) {
        return byRule.getOrDefault(rule.name(), PerRule.NONE);
    }

    /** Every exemption recorded, whatever its rule. */
    long total() {
        return byRule.values().stream().mapToLong(PerRule::exemptions).sum();
    }
}
