package org.compact.tracker.notice;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The organisations' directory as the notices need it: who the targets are, with their contacts and opt-outs.
 * Implemented by the directory itself (organisation), which depends on notice, not the other way round.
 */
public interface Directory {
    /**
     * The organisations {@code targets} asks, each marked opted out (OPT_OUT) if it opted out of all mail or of one
     * of {@code themes}.
     */
    List<Recipient> targeted(Targets targets, List<String> themes);

    /** Every organisation by id as a recipient, marked as {@link #targeted} marks it; null for an id it no longer has. */
    Function<Long, Recipient> byId(List<String> themes);

    /** An organisation's name by id, "(removed)" for one it no longer has: for the delivery report. */
    Function<Long, String> names();

    /** Which of these organisations chose one mail a week (their {@code mail} is WEEKLY): their mail waits for the digest. */
    default Set<Long> weekly(Collection<Long> organisationIds) {
        return Set.of();
    }
}
