package org.compact.tracker.notice;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is sent mail for a step, worked out here once: the organisations a notice goes to (the targets less those
 * that opted out, of everything or of one of the consultation's themes), those a later mail follows, and the
 * contacts who unsubscribed, who are never mailed.
 */
@Singleton
class Addressees {
    private final Directory directory;
    private final ContactOptOutRepository optOuts;
    private final DeliveryRepository deliveries;

    Addressees(Directory directory, ContactOptOutRepository optOuts, DeliveryRepository deliveries) {
        this.directory = directory;
        this.optOuts = optOuts;
        this.deliveries = deliveries;
    }

    /** The targeted organisations of a notice, each marked if it opted out of all notices or of one of the themes. */
    List<Recipient> ofNotice(Targets targets, List<String> themes) {
        return directory.targeted(targets, themes);
    }

    /**
     * The directory for a mail that follows the notice (a change, a withdrawal: about the consultation's themes, as
     * its notice was; feedback: {@code themes} empty, as it is owed whatever the themes).
     */
    Function<Long, Recipient> following(List<String> themes) {
        return directory.byId(themes);
    }

    /** The organisations sent a notice of the consultation so far. */
    Set<Long> notified(long consultationId) {
        return deliveries.findByConsultationIdAndKindOrderById(consultationId, NoticeKind.NOTICE).stream()
                .map(Delivery::organisationId).collect(Collectors.toSet());
    }

    /** The names of the organisations {@code targets} asks that would be sent a notice now and were not yet. */
    List<String> notYetNotified(long consultationId, Targets targets, List<String> themes) {
        Set<Long> told = notified(consultationId);
        return ofNotice(targets, themes).stream().filter(r -> !r.optedOut() && !told.contains(r.organisationId()))
                .map(Recipient::name).sorted().toList();
    }

    /** The contacts of these organisations who unsubscribed, as {@link #key} keys. */
    Set<String> unsubscribed(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Set.of();
        }
        return optOuts.findByOrganisationIdInList(List.copyOf(organisationIds)).stream()
                .map(o -> key(o.organisationId(), o.email())).collect(Collectors.toSet());
    }

    Function<Long, String> names() {
        return directory.names();
    }

    static String key(long organisationId, String email) {
        return organisationId + "|" + email.toLowerCase(Locale.ROOT);
    }
}
