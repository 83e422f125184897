package org.compact.tracker.notice;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which organisations a notice would really reach, worked out as {@link Addressees} works out whom to mail: not
 * opted out (of all mail or of one of the consultation's themes), and with at least one contact who has not
 * unsubscribed. The INCLUSION check counts only these as reaching a group.
 */
@Singleton
public class Reach {
    private final Addressees addressees;

    Reach(Addressees addressees) {
        this.addressees = addressees;
    }

    /** The ids of those {@code recipients} a notice would be mailed to (one look-up of unsubscribed contacts). */
    public Set<Long> reached(List<Recipient> recipients) {
        Set<String> unsubscribed = addressees.unsubscribed(recipients.stream().map(Recipient::organisationId).toList());
        return recipients.stream()
                .filter(r -> !r.optedOut())
                .filter(r -> r.emails().stream().anyMatch(e -> !unsubscribed.contains(Addressees.key(r.organisationId(), e))))
                .map(Recipient::organisationId)
                .collect(Collectors.toSet());
    }
}
