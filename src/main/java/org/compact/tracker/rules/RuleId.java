package org.compact.tracker.rules;

import java.util.Arrays;
import java.util.List;

/**
 * The rule ids of the Compact's rule catalogue (shared RULES.md). The ids appear unchanged in configuration,
 * API errors, history and reports.
 */
public enum RuleId {
    NOTICE(Kind.BLOCK, Gate.OPEN),
    PRIOR_WORK(Kind.BLOCK, Gate.NOTIFY),
    INFLUENCE(Kind.BLOCK, Gate.NOTIFY),
    DURATION(Kind.BLOCK, Gate.NOTIFY),
    METHODS(Kind.WARN, Gate.NONE),
    INCLUSION(Kind.WARN, Gate.NONE),
    OVERLOAD(Kind.WARN, Gate.NONE),
    OPT_OUT(Kind.BLOCK, Gate.NONE),
    FEEDBACK(Kind.BLOCK, Gate.FEEDBACK),
    ACTION(Kind.WARN, Gate.NONE),
    SHARE(Kind.FEATURE, Gate.NONE),
    CLEAR_LANGUAGE(Kind.WARN, Gate.NONE),
    MONITOR(Kind.FEATURE, Gate.NONE);

    /**
     * The rules an exemption can be recorded for, in the catalogue's order: every checked rule but OPT_OUT, which
     * protects an organisation's own choice and never gives way.
     */
    public static final List<RuleId> EXEMPTABLE = Arrays.stream(values())
            .filter(r -> r.kind != Kind.FEATURE && r != OPT_OUT).toList();

    /** BLOCK refuses its transition unless exempted; WARN is shown only; FEATURE is kept by a feature, not a check. */
    public enum Kind { BLOCK, WARN, FEATURE }

    /** The transition a BLOCK rule guards. */
    public enum Gate { NOTIFY, OPEN, FEEDBACK, NONE }

    private final Kind kind;
    private final Gate gate;

    RuleId(Kind kind, Gate gate) {
        this.kind = kind;
        this.gate = gate;
    }

    public Kind kind() {
        return kind;
    }

    public Gate gate() {
        return gate;
    }

    public boolean exemptable() {
        return EXEMPTABLE.contains(this);
    }
}
