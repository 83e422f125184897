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
 *
 * <p>It also sets beside what is offered the formats and languages each targeted organisation recorded that it needs
 * (seed 001 "accessible formats … community languages"), for those a notice reaches: a format is met by the provision
 * of the same code (BSL_INTERPRETER by BSL_INTERPRETER), a language by TRANSLATION or INTERPRETER with the language
 * named among the consultation's languages, or by a translated summary in it (its tag or English name). Each need not met is named, organisation by organisation, in words.
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
                findings.add(capitalised(CatalogueCodes.words(audience)) + ": offer "
                        + CatalogueCodes.wordsJoined(expected, "or"));
            }
        }
        List<String> unmet = needsNotMet(facts, offered);
        if (findings.isEmpty() && unmet.isEmpty()) {
            return Check.pass(id(), "Methods chosen, and every audience is offered a provision that suits it"
                    + (hasNeeds(facts) ? "; the formats and languages the organisations asked need are offered." : "."));
        }
        List<String> reasons = new ArrayList<>();
        if (!findings.isEmpty()) {
            reasons.add(Reasons.sentence("Suit the methods to the audience", findings));
        }
        if (!unmet.isEmpty()) {
            reasons.add(Reasons.sentence("Meet the needs the organisations asked have recorded", unmet));
        }
        return Check.warn(id(), String.join(" ", reasons));
    }

    /** "Salford Deaf Forum needs a British Sign Language interpreter at meetings, not offered", by organisation name. */
    private static List<String> needsNotMet(ConsultationFacts facts, Set<String> offered) {
        if (facts.targets() == null) {
            return List.of();
        }
        Set<String> languagesOffered = languagesOffered(facts, offered);
        List<String> unmet = new ArrayList<>();
        facts.targets().stream().filter(TargetedOrganisation::mailed)
                .sorted(java.util.Comparator.comparing(TargetedOrganisation::name))
                .forEach(target -> {
                    List<String> needs = new ArrayList<>();
                    target.formats().entrySet().stream()
                            .filter(format -> !offered.contains(CatalogueCodes.normalise(format.getKey())))
                            .map(Map.Entry::getValue)
                            .sorted()
                            .forEach(needs::add);
                    target.languages().stream().filter(language -> language != null && !language.isBlank())
                            .filter(language -> !languagesOffered.contains(CatalogueCodes.normalise(language)))
                            .map(language -> language.strip() + " (a translation or an interpreter)")
                            .sorted()
                            .forEach(needs::add);
                    if (!needs.isEmpty()) {
                        unmet.add(target.name() + " needs " + inWords(needs) + ", not offered");
                    }
                });
        return unmet;
    }

    /**
     * The languages the consultation offers, normalised: those it names when it offers TRANSLATION or INTERPRETER,
     * and those it has a translated summary in (by tag and English name), whatever it offers.
     */
    private static Set<String> languagesOffered(ConsultationFacts facts, Set<String> offered) {
        Set<String> languages = new java.util.LinkedHashSet<>(CatalogueCodes.normaliseAll(facts.translated()));
        if (offered.contains("TRANSLATION") || offered.contains("INTERPRETER")) {
            languages.addAll(CatalogueCodes.normaliseAll(facts.languages()));
        }
        return languages;
    }

    private static boolean hasNeeds(ConsultationFacts facts) {
        return facts.targets() != null && facts.targets().stream()
                .anyMatch(t -> t.mailed() && (!t.formats().isEmpty() || !t.languages().isEmpty()));
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String inWords(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

}
