package org.compact.tracker.rules;

/** A rule of the catalogue as a pure function of the facts. */
public interface RulePolicy {
    RuleId id();

    Check evaluate(ConsultationFacts facts);
}
