package org.compact.tracker.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * INCLUSION: the socially excluded groups that a subject affects are named as audiences, and reached (seed 000,
 * the Salford Social Inclusion Code, whose list of 16 "is not finite"; seed 004 "'hard to engage' communities").
 *
 * <p>Three findings, any of which warns: no socially excluded group named at all; a theme of the consultation
 * (housing, transport …) usually affects groups that are not named; a group is named but not reached, because no
 * targeted organisation lists it among the communities it represents. Communities match the audience codes however
 * they are typed: "older people" and "Older-People" reach OLDER_PEOPLE.
 */
final class InclusionPolicy implements RulePolicy {

    private final Map<String, Set<String>> themeGroups;

    InclusionPolicy(RuleSettings settings) {
        this.themeGroups = settings.themeGroups();
    }

    @Override
    public RuleId id() {
        return RuleId.INCLUSION;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        Set<String> audiences = CatalogueCodes.normaliseAll(facts.audiences());
        List<String> findings = new ArrayList<>();
        if (audiences.stream().noneMatch(RuleSettings.SOCIALLY_EXCLUDED_GROUPS::contains)) {
            findings.add("no socially excluded group is named as an audience");
        }
        findings.addAll(groupsTheThemesAffect(facts.themes(), audiences));
        List<String> notReached = namedButNotReached(audiences, facts.targets());
        if (!notReached.isEmpty()) {
            findings.add(String.join(", ", notReached) + " named but not reached: no targeted organisation"
                    + " represents " + (notReached.size() == 1 ? "it" : "them"));
        }
        if (findings.isEmpty()) {
            return Check.pass(id(), "The groups the subject affects are named, and each is reached by a targeted"
                    + " organisation.");
        }
        return Check.warn(id(), Reasons.sentence(findings));
    }

    private List<String> groupsTheThemesAffect(Set<String> themes, Set<String> audiences) {
        List<String> findings = new ArrayList<>();
        Set<String> sortedThemes = new TreeSet<>();
        if (themes != null) {
            themes.stream().filter(theme -> theme != null && !theme.isBlank())
                    .map(theme -> theme.strip().toLowerCase(Locale.ROOT))
                    .forEach(sortedThemes::add);
        }
        for (String theme : sortedThemes) {
            List<String> missing = themeGroups.getOrDefault(theme, Set.of()).stream()
                    .filter(group -> !audiences.contains(group))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                findings.add(theme + " usually affects " + String.join(", ", missing) + ", not named as audiences");
            }
        }
        return findings;
    }

    private static List<String> namedButNotReached(Set<String> audiences, List<TargetedOrganisation> targets) {
        Set<String> represented = new TreeSet<>();
        if (targets != null) {
            targets.forEach(target -> represented.addAll(CatalogueCodes.normaliseAll(target.communities())));
        }
        return audiences.stream()
                .filter(RuleSettings.SOCIALLY_EXCLUDED_GROUPS::contains)
                .filter(group -> !represented.contains(group))
                .sorted()
                .toList();
    }
}
