package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InclusionPolicyTest {

    private final InclusionPolicy inclusion = new InclusionPolicy(RuleSettings.defaults());

    @Test
    void passesWhenTheGroupsTheSubjectAffectsAreNamedAndReached() {
        assertEquals(Verdict.PASS, inclusion.evaluate(Facts.planned().build()).verdict());
    }

    @Test
    void warnsWhenNoSociallyExcludedGroupIsNamed() {
        Check check = inclusion.evaluate(Facts.planned().themes().audiences("GENERAL_PUBLIC").build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("No socially excluded group is named as an audience.", check.reason());
    }

    @Test
    void namesTheGroupsAThemeUsuallyAffects() {
        Check check = inclusion.evaluate(Facts.planned().themes("Youth Services")
                .audiences("YOUNG_PEOPLE").build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Youth services usually affects LGBT and lone parents, not named as audiences.", check.reason());
    }

    @Test
    void warnsOfAGroupNamedButNotReachedByAnyTargetedOrganisation() {
        Check check = inclusion.evaluate(Facts.planned().themes().audiences("OLDER_PEOPLE", "CARERS")
                .targets(new TargetedOrganisation(1, "Carers Centre", Set.of("carers"), List.of())).build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Older people named but not reached: no targeted organisation represents it.", check.reason());
    }

    @Test
    void reachesAGroupHoweverItsCommunityIsTyped() {
        Check check = inclusion.evaluate(Facts.planned().themes().audiences("OLDER_PEOPLE", "LONE_PARENTS")
                .targets(new TargetedOrganisation(1, "Gingerbread", Set.of(" Lone-Parents "), List.of()),
                        new TargetedOrganisation(2, "Age UK", Set.of("older people"), List.of()))
                .build());

        assertEquals(Verdict.PASS, check.verdict());
    }

    @Test
    void combinesEveryFindingInOneSentence() {
        Check check = inclusion.evaluate(Facts.planned().themes("housing").audiences("OLDER_PEOPLE", "LONE_PARENTS",
                        "PHYSICAL_DISABILITIES", "REFUGEES_ASYLUM_SEEKERS")
                .targets().build());

        assertEquals("Housing usually affects deprived neighbourhoods, not named as audiences; lone parents, "
                + "older people, physical disabilities and refugees and asylum seekers named but not reached: no targeted "
                + "organisation represents them.", check.reason());
    }

    @Test
    void anOrganisationNoNoticeWillReachDoesNotReachItsGroup() {
        Check check = inclusion.evaluate(Facts.planned().themes().audiences("CARERS")
                .targets(new TargetedOrganisation(1, "Carers Centre", Set.of("carers"), List.of(), Map.of(), Set.of(),
                        false)).build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("Carers named but not reached: no targeted organisation that will be mailed represents it "
                + "(Carers Centre does, but opted out or has no contact still subscribed).", check.reason());
    }

    @Test
    void gypsiesAndTravellersAreASociallyExcludedGroupByDefault() {
        Check check = inclusion.evaluate(Facts.planned().themes().audiences("Gypsies and Travellers").targets().build());

        assertEquals("Gypsies and travellers named but not reached: no targeted organisation represents it.",
                check.reason());
    }

    @Test
    void aCouncilsOwnExcludedGroupCountsOnceAddedToTheSetting() {
        RuleSettings d = RuleSettings.defaults();
        List<String> withBoatDwellers = new java.util.ArrayList<>(d.excludedGroups());
        withBoatDwellers.add("BOAT_DWELLERS");
        InclusionPolicy council = new InclusionPolicy(new RuleSettings(d.noticePeriod(), d.priorWorkLookBack(),
                d.analysisPeriod(), d.minimumDuration(), d.overloadConcurrent(), d.overloadPerQuarter(),
                d.expectedProvisions(), d.themeGroups(), d.minimumReadingEase(), d.maximumSentenceWords(), d.jargon(),
                withBoatDwellers));
        Facts facts = Facts.planned().themes().audiences("Boat dwellers")
                .targets(new TargetedOrganisation(1, "Canal Folk", Set.of("boat dwellers"), List.of()));

        assertEquals("No socially excluded group is named as an audience.", inclusion.evaluate(facts.build()).reason());
        assertEquals(Verdict.PASS, council.evaluate(facts.build()).verdict());
    }
}
