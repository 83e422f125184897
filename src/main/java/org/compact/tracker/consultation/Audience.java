package org.compact.tracker.consultation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Known target audiences: the 16 socially excluded groups listed by seed 000 (the Salford Social Inclusion Code,
 * whose list "is not finite") and three general ones. A consultation may add free-text audiences beside these.
 */
public enum Audience {
    LEARNING_DIFFICULTIES, PHYSICAL_DISABILITIES, SENSORY_IMPAIRMENTS, MINORITY_ETHNIC, MENTAL_HEALTH,
    PHYSICAL_HEALTH, REFUGEES_ASYLUM_SEEKERS, YOUNG_PEOPLE, OLDER_PEOPLE, LGBT, WOMEN, LOW_SKILLS, LONE_PARENTS,
    CARERS, DEPRIVED_NEIGHBOURHOODS, FAITH_GROUPS, GENERAL_PUBLIC, BUSINESSES, VOLUNTARY_SECTOR;

    public static final Set<String> CODES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
}
