package org.compact.tracker.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * METHODS: a consultation names at least one method and one target audience, and the methods suit the audience
 * (seed 001, Gold Standard 4 and "accessible formats, … appropriate venues"; seed 003 "meetings at times
 * convenient … offer expenses"). For each audience the settings list the provisions of which at least one is
 * expected: large print, Braille, audio, a BSL interpreter or a hearing loop for people with sensory impairments.
 * Audiences without a row (the general public, free additions) are not judged.
 */
final class MethodsPolicy implements RulePolicy {

    private final Map<String, Set<String>> expectedProvisions;

    MethodsPolicy(RuleSettings settings) {
        this.expectedProvisions = settings.expectedProvisions();
    }

    @Override
    public RuleId id() {
        return RuleId.METHODS;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        Set<String> audiences = CatalogueCodes.normaliseAll(facts.audiences());
        Set<String> offered = CatalogueCodes.normaliseAll(facts.provisions());
        List<String> findings = new ArrayList<>();
        if (CatalogueCodes.normaliseAll(facts.methods()).isEmpty()) {
            findings.add("choose at least one method");
        }
        if (audiences.isEmpty()) {
            findings.add("name at least one target audience");
        }
        for (String audience : CatalogueCodes.sorted(audiences)) {
            Set<String> expected = expectedProvisions.getOrDefault(audience, Set.of());
            if (!expected.isEmpty() && Collections.disjoint(expected, offered)) {
                findings.add(audience + ": offer one of " + String.join(", ", expected));
            }
        }
        if (findings.isEmpty()) {
            return Check.pass(id(), "Methods chosen, and every audience is offered a provision that suits it.");
        }
        return Check.warn(id(), Reasons.sentence("Suit the methods to the audience", findings));
    }
}
