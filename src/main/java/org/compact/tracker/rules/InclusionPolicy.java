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
 * they are typed: "older people" and "Older-People" reach OLDER_PEOPLE. Only an organisation a notice will really
 * reach counts: one that opted out of all mail or of one of the consultation's themes, or whose every contact
 * unsubscribed, reaches nobody. The socially excluded groups are a setting ({@link RuleSettings#excludedGroups()}):
 * the 16 of seed 000 and Gypsies and Travellers (seed 004) unless the council adds its own.
 */
final class InclusionPolicy implements RulePolicy {

    private final Map<String, Set<String>> themeGroups;
    private final Set<String> excludedGroups;

    InclusionPolicy(RuleSettings settings) {
        this.themeGroups = settings.themeGroups();
        this.excludedGroups = Set.copyOf(settings.excludedGroups());
    }

    @Override
    public RuleId id() {
        return RuleId.INCLUSION;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        Set<String> audiences = CatalogueCodes.normaliseAll(facts.audiences());
        List<String> findings = new ArrayList<>();
        if (audiences.stream().noneMatch(excludedGroups::contains)) {
            findings.add("no socially excluded group is named as an audience");
        }
        findings.addAll(groupsTheThemesAffect(facts.themes(), audiences));
        List<String> notReached = namedButNotReached(audiences, facts.targets());
        if (!notReached.isEmpty()) {
            String them = notReached.size() == 1 ? "it" : "them";
            List<String> unmailed = representingButNotMailed(notReached, facts.targets());
            findings.add(CatalogueCodes.wordsJoined(notReached, "and") + " named but not reached: no targeted organisation"
                    + (unmailed.isEmpty() ? "" : " that will be mailed") + " represents " + them
                    + (unmailed.isEmpty() ? "" : " (" + String.join(", ", unmailed) + (unmailed.size() == 1 ? " does" : " do")
                    + ", but opted out or has no contact still subscribed)"));
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
                findings.add(theme + " usually affects " + CatalogueCodes.wordsJoined(missing, "and") + ", not named as audiences");
            }
        }
        return findings;
    }

    private List<String> namedButNotReached(Set<String> audiences, List<TargetedOrganisation> targets) {
        Set<String> represented = new TreeSet<>();
        if (targets != null) {
            targets.stream().filter(TargetedOrganisation::mailed)
                    .forEach(target -> represented.addAll(CatalogueCodes.normaliseAll(target.communities())));
        }
        return audiences.stream()
                .filter(excludedGroups::contains)
                .filter(group -> !represented.contains(group))
                .sorted()
                .toList();
    }

    /** The targeted organisations that represent one of {@code groups} but that no notice will reach, by name. */
    private static List<String> representingButNotMailed(List<String> groups, List<TargetedOrganisation> targets) {
        if (targets == null) {
            return List.of();
        }
        return targets.stream().filter(target -> !target.mailed())
                .filter(target -> CatalogueCodes.normaliseAll(target.communities()).stream().anyMatch(groups::contains))
                .map(TargetedOrganisation::name).sorted().toList();
    }
}
