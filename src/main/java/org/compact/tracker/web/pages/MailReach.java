package org.compact.tracker.web.pages;

import org.compact.tracker.consultation.ConsultationRequest;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.organisation.Organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a notice would reach, worked out as the service will when it sends it: the targeted organisations of the
 * directory, less those that opted out of all notices or of one of the consultation's themes. Contacts who
 * unsubscribed from mail are skipped when the mail is sent, so the count of contacts is at most this.
 */
record MailReach(int organisations, int contacts, int optedOut) {

    static MailReach of(ConsultationView c, List<Organisation> directory) {
        ConsultationRequest.Targets t = c.targets();
        Set<Long> ids = new HashSet<>(t.organisationIds() == null ? List.of() : t.organisationIds());
        List<String> areas = t.areas() == null ? List.of() : t.areas();
        List<String> interests = t.interests() == null ? List.of() : t.interests();
        List<String> communities = t.communities() == null ? List.of() : t.communities();
        int organisations = 0;
        int contacts = 0;
        int optedOut = 0;
        for (Organisation o : directory) {
            boolean targeted = ids.contains(o.id()) || areas.stream().anyMatch(o::servesArea)
                    || interests.stream().anyMatch(o::hasInterest) || communities.stream().anyMatch(o::represents);
            if (!targeted) {
                continue;
            }
            if (o.optedOutOf(c.themes())) {
                optedOut++;
            } else {
                organisations++;
                contacts += o.emails().size();
            }
        }
        return new MailReach(organisations, contacts, optedOut);
    }

    String sentence() {
        if (organisations == 0) {
            return "No organisation would be emailed: none of those targeted can be reached"
                    + (optedOut > 0 ? " (" + optedOut + " " + plural(optedOut, "organisation has", "organisations have") + " opted out)." : ".");
        }
        return "Notice will be emailed to " + contacts + " " + plural(contacts, "contact", "contacts") + " of "
                + organisations + " " + plural(organisations, "organisation", "organisations") + "; " + optedOut + " "
                + plural(optedOut, "organisation has", "organisations have") + " opted out.";
    }

    static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
