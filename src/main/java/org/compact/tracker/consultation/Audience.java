package org.compact.tracker.consultation;

import org.compact.tracker.rules.RuleSettings;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Known target audiences: the socially excluded groups of the rules' default (the 16 of seed 000, the Salford Social
 * Inclusion Code, whose list "is not finite", and Gypsies and Travellers of seed 004), and three general ones. A
 * council's own groups ({@code tracker.rules.excluded-groups}) are typed as further audiences and count for INCLUSION. A consultation may add free-text
 * audiences beside these.
 */
public final class Audience {
    /** The audiences that are no socially excluded group. */
    public static final List<String> GENERAL = List.of("GENERAL_PUBLIC", "BUSINESSES", "VOLUNTARY_SECTOR");

    /** Every known audience, the groups first in the seed's order: the choices the consultation form offers. */
    public static final List<String> ALL = Stream.concat(RuleSettings.DEFAULT_EXCLUDED_GROUPS.stream(), GENERAL.stream())
            .toList();

    public static final Set<String> CODES = Set.copyOf(ALL);

    private Audience() {
    }
}
