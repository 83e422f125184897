package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compact.tracker.consultation.Audience;
import org.compact.tracker.consultation.Provision;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {

    private final RuleSettings defaults = RuleSettings.defaults();

    @Test
    void defaultsToTheCataloguesPeriodsAndLimits() {
        assertEquals(Period.ofMonths(1), defaults.noticePeriod());
        assertEquals(Period.ofYears(3), defaults.priorWorkLookBack());
        assertEquals(Period.ofWeeks(4), defaults.analysisPeriod());
        assertEquals(Period.parse("P12W"), defaults.minimumDuration());
        assertEquals(3, defaults.overloadConcurrent());
        assertEquals(6, defaults.overloadPerQuarter());
        assertEquals(50, defaults.minimumReadingEase());
        assertEquals(25, defaults.maximumSentenceWords());
    }

    @Test
    void expectsOnlyKnownProvisionsForKnownAudiences() {
        Set<String> provisions = Set.copyOf(Arrays.stream(Provision.values()).map(Enum::name).toList());

        assertTrue(Audience.CODES.containsAll(defaults.expectedProvisions().keySet()));
        defaults.expectedProvisions().values().forEach(expected -> assertTrue(provisions.containsAll(expected),
                expected.toString()));
        assertEquals(Set.of("EASY_READ", "SUPPORT_WORKER"), defaults.expectedProvisions().get("LEARNING_DIFFICULTIES"));
    }

    @Test
    void mapsThemesOnlyToSociallyExcludedGroups() {
        defaults.themeGroups().forEach((theme, groups) -> {
            assertEquals(theme.toLowerCase(), theme);
            assertTrue(RuleSettings.SOCIALLY_EXCLUDED_GROUPS.containsAll(groups), theme);
        });
    }

    @Test
    void theExcludedGroupsAreTheSixteenOfSeed000AndGypsiesAndTravellersUnlessTheCouncilSaysOtherwise() {
        assertEquals(17, defaults.excludedGroups().size());
        assertTrue(defaults.excludedGroups().containsAll(RuleSettings.SOCIALLY_EXCLUDED_GROUPS));
        assertEquals("GYPSIES_AND_TRAVELLERS", defaults.excludedGroups().get(16));
        assertTrue(Audience.CODES.containsAll(defaults.excludedGroups()), "the form offers each of them");

        RuleSettings council = RuleSettingsFactory.read(new io.micronaut.core.value.MapPropertyResolver(Map.of(
                RuleSettingsFactory.EXCLUDED_GROUPS, List.of("Older people", "boat-dwellers", "OLDER_PEOPLE"))));
        assertEquals(List.of("OLDER_PEOPLE", "BOAT_DWELLERS"), council.excludedGroups());
    }

    @Test
    void keepsTheJargonListInLowerCase() {
        defaults.jargon().forEach(term -> assertEquals(term.toLowerCase(), term));
    }

    @Test
    void readsATableAsTheCouncilWritesIt() {
        Map<String, Set<String>> table = CodeTable.parse(List.of("older people = large_print | Paper-Option"),
                CodeTable.KeyCase.UPPER);

        assertEquals(Map.of("OLDER_PEOPLE", Set.of("LARGE_PRINT", "PAPER_OPTION")), table);
    }

    @Test
    void refusesATableRowWithoutAKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CodeTable.parse(List.of("LARGE_PRINT|BRAILLE"), CodeTable.KeyCase.UPPER));

        assertEquals("'LARGE_PRINT|BRAILLE' is not of the form KEY=V1|V2", refused.getMessage());
    }

    @Test
    void describesPeriodsInWords() {
        assertEquals("one calendar month", Periods.describe(Period.ofMonths(1)));
        assertEquals("12 weeks", Periods.describe(Period.parse("P12W")));
        assertEquals("3 years", Periods.describe(Period.ofYears(3)));
        assertEquals("one calendar month and 10 days", Periods.describe(Period.parse("P1M10D")));
    }
}
