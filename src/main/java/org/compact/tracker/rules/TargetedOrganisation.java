package org.compact.tracker.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organisation a consultation asks to take part, with the communities it represents and the periods of the
 * other live consultations (planned, notified or open; not withdrawn) that also ask it.
 *
 * @param formats   the accessible formats it recorded that it needs: the code (the same as a consultation's provision
 *                  that meets it, e.g. BSL_INTERPRETER) → the need as words that follow "it needs" ("a British Sign
 *                  Language interpreter at meetings"), so METHODS can compare codes and name the need in words
 * @param languages the languages other than English it recorded that it needs, as it typed them
 * @param mailed    whether a notice would really reach it: it has not opted out of all mail nor of one of the
 *                  consultation's themes, and at least one of its contacts has not unsubscribed (INCLUSION counts
 *                  only these)
 */
public record TargetedOrganisation(long id, String name, Set<String> communities, List<DateRange> otherConsultations,
                                   Map<String, String> formats, Set<String> languages, boolean mailed) {

    /** An organisation that needs no format or language, and that a notice reaches. */
    public TargetedOrganisation(long id, String name, Set<String> communities, List<DateRange> otherConsultations) {
        this(id, name, communities, otherConsultations, Map.of(), Set.of(), true);
    }
}
