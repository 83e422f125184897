package org.compact.tracker.rules;

import io.micronaut.serde.annotation.Serdeable;

/** One rule's verdict on one consultation, with the reason a person can act on. */
@Serdeable
public record Check(RuleId ruleId, Verdict verdict, String reason) {

    public static Check pass(RuleId id, String reason) {
        return new Check(id, Verdict.PASS, reason);
    }

    public static Check warn(RuleId id, String reason) {
        return new Check(id, Verdict.WARN, reason);
    }

    public static Check fail(RuleId id, String reason) {
        return new Check(id, Verdict.FAIL, reason);
    }

    /** A rule that failed or warned, with an exemption and its written reason recorded. */
    public static Check exempt(RuleId id, String reason) {
        return new Check(id, Verdict.EXEMPT, reason);
    }

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
