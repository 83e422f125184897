package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.organisation.DirectoryIndex;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.KeptDirectory;
import org.compact.tracker.rules.RuleBook;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consultations whose checks a change to one consultation can alter besides its own: those whose OVERLOAD counts
 * it, i.e. that share a targeted organisation with it and whose span (three months either side) its open period
 * touches, whatever their status. A consultation counts for others only while it is live and dated, so a change
 * alters others' checks only when it changes that, its dates or its targets; then the neighbours before and after the
 * change are named, and their kept checks forgotten in the change's transaction.
 */
@Singleton
class OverloadNeighbours {
    private final TargetTable table;
    private final KeptDirectory kept;
    private final RuleBook rules;

    OverloadNeighbours(TargetTable table, KeptDirectory directory, RuleBook rules) {
        this.table = table;
        this.kept = directory;
        this.rules = rules;
    }

    /**
     * Whether the change from {@code before} (null for a new one) to {@code after} alters what the consultation adds
     * to others' load, or its own rows of targets: its status, its dates or its targets changed.
     */
    static boolean changesLoad(@Nullable Consultation before, Consultation after) {
        return before == null || before.getStatus() != after.getStatus() || !sameLoad(before, after);
    }

    /**
     * The other consultations whose OVERLOAD check the change from {@code before} (null for a new one) to
     * {@code after} can alter; empty when the change leaves what it adds to others' load as it was. Indexed look-ups
     * of its organisations' rows ({@link TargetTable}), whatever the size of the register.
     */
    Set<Long> of(@Nullable Consultation before, Consultation after) {
        boolean beforeCounts = counts(before);
        boolean afterCounts = counts(after);
        if (!beforeCounts && !afterCounts || beforeCounts && afterCounts && sameLoad(before, after)) {
            return Set.of();
        }
        DirectoryIndex directory = kept.index();
        Set<Long> found = new TreeSet<>();
        if (beforeCounts) {
            found.addAll(sharing(before, directory));
        }
        if (afterCounts) {
            found.addAll(sharing(after, directory));
        }
        found.remove(after.getId());
        return found;
    }

    /** Whether {@code c} adds to other consultations' OVERLOAD: live, with both dates. */
    private static boolean counts(@Nullable Consultation c) {
        return c != null && ConsultationStatus.LIVE.contains(c.getStatus()) && c.getOpensOn() != null
                && c.getClosesOn() != null;
    }

    private static boolean sameLoad(Consultation a, Consultation b) {
        return Objects.equals(a.getOpensOn(), b.getOpensOn()) && Objects.equals(a.getClosesOn(), b.getClosesOn())
                && Objects.equals(a.getTargetOrganisationIds(), b.getTargetOrganisationIds())
                && Objects.equals(a.getTargetAreas(), b.getTargetAreas())
                && Objects.equals(a.getTargetInterests(), b.getTargetInterests())
                && Objects.equals(a.getTargetCommunities(), b.getTargetCommunities());
    }

    /** The consultations, any status, whose OVERLOAD span {@code c} touches and that share one of its organisations. */
    private Set<Long> sharing(Consultation c, DirectoryIndex directory) {
        List<Long> targets = FactsAssembler.targetsOf(c, directory).stream().map(Organisation::id).toList();
        if (targets.isEmpty()) {
            return Set.of();
        }
        return table.touching(targets, rules.overloadReach(c.getOpensOn(), c.getClosesOn()));
    }
}
