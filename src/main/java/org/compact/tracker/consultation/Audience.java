package org.compact.tracker.consultation;

import org.compact.tracker.rules.RuleSettings;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Known target audiences: the 16 socially excluded groups listed by seed 000 (the Salford Social Inclusion Code,
 * whose list "is not finite"), as the rules keep them, and three general ones. A consultation may add free-text
 * audiences beside these.
 */
public final class Audience {
    /** The audiences that are no socially excluded group. */
    public static final List<String> GENERAL = List.of("GENERAL_PUBLIC", "BUSINESSES", "VOLUNTARY_SECTOR");

    /** Every known audience, the groups first in the seed's order: the choices the consultation form offers. */
    public static final List<String> ALL = Stream.concat(RuleSettings.SOCIALLY_EXCLUDED_GROUPS.stream(), GENERAL.stream())
            .toList();

    public static final Set<String> CODES = Set.copyOf(ALL);

    private Audience() {
    }
}
