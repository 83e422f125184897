package org.compact.tracker.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Audience, provision and community names as people type them ("older people", "Older-People") and as the
 * catalogue codes them (OLDER_PEOPLE): spaces and hyphens become underscores, letters upper case.
 */
final class CatalogueCodes {

    private CatalogueCodes() {
    }

    static String normalise(String name) {
        return name.trim().replaceAll("[\\s\\-]+", "_").toUpperCase(Locale.ROOT);
    }

    /** The codes of a possibly absent collection, in its order, blanks dropped. */
    static Set<String> normaliseAll(Collection<String> names) {
        if (names == null) {
            return Set.of();
        }
        return names.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(CatalogueCodes::normalise)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** CatalogueCodes in a stable order for reasons: sorted, so that the same facts always give the same sentence. */
    static List<String> sorted(Collection<String> codes) {
        return codes.stream().sorted().toList();
    }
}
