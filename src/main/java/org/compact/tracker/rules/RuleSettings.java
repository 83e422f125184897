package org.compact.tracker.rules;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The defaults of the rule catalogue that a council may change in configuration ({@code tracker.rules.*}).
 *
 * @param noticePeriod          NOTICE: notice before opening (default P1M, a calendar month)
 * @param priorWorkLookBack     PRIOR_WORK: how far back similar consultations are proposed (default P3Y)
 * @param analysisPeriod        INFLUENCE: time between closing and the decision (default P4W)
 * @param minimumDuration       DURATION: shortest open period without a written rationale (default P12W)
 * @param overloadConcurrent    OVERLOAD: most consultations one organisation may be asked into at once (default 3)
 * @param overloadPerQuarter    OVERLOAD: most in a rolling three months (default 6)
 * @param expectedProvisions    METHODS: audience code → provisions of which at least one is expected
 * @param themeGroups           INCLUSION: theme (lower case) → socially excluded groups a subject usually affects
 * @param minimumReadingEase    CLEAR_LANGUAGE: lowest Flesch reading ease accepted for the summary (default 50)
 * @param maximumSentenceWords  CLEAR_LANGUAGE: longest average sentence accepted, in words (default 25)
 * @param jargon                CLEAR_LANGUAGE: words and phrases to avoid (lower case)
 * @param excludedGroups        INCLUSION: the socially excluded groups, as audience codes, in the order reports list them
 *                              (default {@link #DEFAULT_EXCLUDED_GROUPS}; a council adds its own)
 */
public record RuleSettings(
        Period noticePeriod,
        Period priorWorkLookBack,
        Period analysisPeriod,
        Period minimumDuration,
        int overloadConcurrent,
        int overloadPerQuarter,
        Map<String, Set<String>> expectedProvisions,
        Map<String, Set<String>> themeGroups,
        double minimumReadingEase,
        int maximumSentenceWords,
        List<String> jargon,
        List<String> excludedGroups) {

    /** The settings with the default socially excluded groups ({@link #DEFAULT_EXCLUDED_GROUPS}). */
    public RuleSettings(Period noticePeriod, Period priorWorkLookBack, Period analysisPeriod, Period minimumDuration,
                        int overloadConcurrent, int overloadPerQuarter, Map<String, Set<String>> expectedProvisions,
                        Map<String, Set<String>> themeGroups, double minimumReadingEase, int maximumSentenceWords,
                        List<String> jargon) {
        this(noticePeriod, priorWorkLookBack, analysisPeriod, minimumDuration, overloadConcurrent, overloadPerQuarter,
                expectedProvisions, themeGroups, minimumReadingEase, maximumSentenceWords, jargon,
                DEFAULT_EXCLUDED_GROUPS);
    }

    /**
     * The 16 groups named by seed 000 (Salford Social Inclusion Code), the list being "not finite", in the seed's
     * order. What the service reads is the setting {@link #excludedGroups()}, whose default adds Gypsies and
     * Travellers to these.
     */
    public static final List<String> SOCIALLY_EXCLUDED_GROUPS = List.of(
            "LEARNING_DIFFICULTIES", "PHYSICAL_DISABILITIES", "SENSORY_IMPAIRMENTS", "MINORITY_ETHNIC",
            "MENTAL_HEALTH", "PHYSICAL_HEALTH", "REFUGEES_ASYLUM_SEEKERS", "YOUNG_PEOPLE", "OLDER_PEOPLE", "LGBT",
            "WOMEN", "LOW_SKILLS", "LONE_PARENTS", "CARERS", "DEPRIVED_NEIGHBOURHOODS", "FAITH_GROUPS");

    /**
     * The default of {@link #excludedGroups()}: the 16 of seed 000 and Gypsies and Travellers, whom seed 004 names
     * among the "hard to engage" communities.
     */
    public static final List<String> DEFAULT_EXCLUDED_GROUPS = java.util.stream.Stream.concat(
            SOCIALLY_EXCLUDED_GROUPS.stream(), java.util.stream.Stream.of("GYPSIES_AND_TRAVELLERS")).toList();

    /**
     * What each audience usually needs in order to take part (seed 001: accessible formats, appropriate venues;
     * seed 003: convenient times, expenses), written as configuration writes it. One provision of a row is
     * expected, not all of them.
     */
    public static final List<String> DEFAULT_EXPECTED_PROVISIONS = List.of(
            "LEARNING_DIFFICULTIES=EASY_READ|SUPPORT_WORKER",
            "PHYSICAL_DISABILITIES=ACCESSIBLE_VENUE|ONLINE_OPTION",
            "SENSORY_IMPAIRMENTS=LARGE_PRINT|BRAILLE|AUDIO|BSL_INTERPRETER|HEARING_LOOP",
            "MINORITY_ETHNIC=TRANSLATION|INTERPRETER",
            "REFUGEES_ASYLUM_SEEKERS=TRANSLATION|INTERPRETER",
            "MENTAL_HEALTH=SUPPORT_WORKER|LOCAL_VENUE|ONLINE_OPTION",
            "PHYSICAL_HEALTH=ACCESSIBLE_VENUE|ONLINE_OPTION",
            "YOUNG_PEOPLE=YOUTH_FORMAT|ONLINE_OPTION|EVENING_MEETINGS",
            "OLDER_PEOPLE=PAPER_OPTION|LARGE_PRINT|DAYTIME_MEETINGS",
            "LONE_PARENTS=CHILDCARE|EVENING_MEETINGS|ONLINE_OPTION",
            "CARERS=REPLACEMENT_CARE|EVENING_MEETINGS|ONLINE_OPTION",
            "LOW_SKILLS=EASY_READ|PAPER_OPTION",
            "DEPRIVED_NEIGHBOURHOODS=LOCAL_VENUE|EXPENSES",
            "FAITH_GROUPS=LOCAL_VENUE|EVENING_MEETINGS",
            "WOMEN=CHILDCARE|LOCAL_VENUE",
            "LGBT=ONLINE_OPTION|LOCAL_VENUE",
            "VOLUNTARY_SECTOR=EXPENSES|EVENING_MEETINGS");

    /** The socially excluded groups that a subject usually touches, so that none is forgotten (seed 000). */
    public static final List<String> DEFAULT_THEME_GROUPS = List.of(
            "housing=OLDER_PEOPLE|PHYSICAL_DISABILITIES|LONE_PARENTS|REFUGEES_ASYLUM_SEEKERS|DEPRIVED_NEIGHBOURHOODS",
            "health=PHYSICAL_HEALTH|MENTAL_HEALTH|OLDER_PEOPLE|CARERS|PHYSICAL_DISABILITIES",
            "social care=OLDER_PEOPLE|PHYSICAL_DISABILITIES|LEARNING_DIFFICULTIES|MENTAL_HEALTH|CARERS",
            "transport=OLDER_PEOPLE|PHYSICAL_DISABILITIES|SENSORY_IMPAIRMENTS|YOUNG_PEOPLE",
            "education=YOUNG_PEOPLE|LEARNING_DIFFICULTIES|LONE_PARENTS|MINORITY_ETHNIC",
            "regeneration=DEPRIVED_NEIGHBOURHOODS|MINORITY_ETHNIC|LOW_SKILLS|FAITH_GROUPS",
            "community safety=YOUNG_PEOPLE|OLDER_PEOPLE|WOMEN|LGBT|MINORITY_ETHNIC|DEPRIVED_NEIGHBOURHOODS",
            "libraries=OLDER_PEOPLE|YOUNG_PEOPLE|SENSORY_IMPAIRMENTS|LOW_SKILLS",
            "parks=YOUNG_PEOPLE|OLDER_PEOPLE|PHYSICAL_DISABILITIES|DEPRIVED_NEIGHBOURHOODS",
            "youth services=YOUNG_PEOPLE|LGBT|LONE_PARENTS",
            "adult learning=LOW_SKILLS|OLDER_PEOPLE|REFUGEES_ASYLUM_SEEKERS|LEARNING_DIFFICULTIES",
            "employment=LOW_SKILLS|LONE_PARENTS|CARERS|PHYSICAL_DISABILITIES|REFUGEES_ASYLUM_SEEKERS|YOUNG_PEOPLE",
            "welfare=LONE_PARENTS|CARERS|PHYSICAL_DISABILITIES|MENTAL_HEALTH|LOW_SKILLS|DEPRIVED_NEIGHBOURHOODS",
            "benefits=LONE_PARENTS|CARERS|PHYSICAL_DISABILITIES|MENTAL_HEALTH|LOW_SKILLS|DEPRIVED_NEIGHBOURHOODS",
            "planning=DEPRIVED_NEIGHBOURHOODS|PHYSICAL_DISABILITIES|OLDER_PEOPLE|FAITH_GROUPS",
            "domestic abuse=WOMEN|LGBT|MINORITY_ETHNIC",
            "leisure=YOUNG_PEOPLE|OLDER_PEOPLE|PHYSICAL_DISABILITIES");

    /**
     * Public-sector jargon of the kind the Plain English Campaign's A to Z of alternative words replaces with
     * everyday words (seed 004: "use clear language, without jargon").
     */
    public static final List<String> DEFAULT_JARGON = List.of(
            "stakeholder", "going forward", "synergy", "leverage", "paradigm", "holistic", "best practice",
            "capacity building", "thematic", "deliverables", "key performance indicator", "mainstreaming",
            "step change", "cross-cutting", "place-shaping", "co-production", "facilitate", "utilise", "commence",
            "in respect of", "blue sky thinking", "quick win", "overarching", "joined-up");

    /**
     * The catalogue's defaults: one calendar month of notice, three years of earlier work looked at, four weeks
     * of analysis before the decision, twelve weeks open, no more than three consultations at once or six in a
     * quarter for one organisation, and a summary that a general reader can follow.
     */
    public static RuleSettings defaults() {
        return new RuleSettings(Period.ofMonths(1), Period.ofYears(3), Period.ofWeeks(4), Period.ofWeeks(12), 3, 6,
                CodeTable.parse(DEFAULT_EXPECTED_PROVISIONS, CodeTable.KeyCase.UPPER),
                CodeTable.parse(DEFAULT_THEME_GROUPS, CodeTable.KeyCase.LOWER),
                50, 25, DEFAULT_JARGON, DEFAULT_EXCLUDED_GROUPS);
    }
}
