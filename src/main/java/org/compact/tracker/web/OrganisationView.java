package org.compact.tracker.web;

import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.organisation.MailFrequency;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationChange;
import org.compact.tracker.organisation.OrganisationKind;
import org.compact.tracker.organisation.OrganisationRequest;

import java.time.Instant;
import java.util.List;

/** An organisation as the API answers it. */
@Serdeable
record OrganisationView(Long id, Long version, String name, OrganisationKind kind, List<String> emails,
                        List<String> areas, List<String> interests, List<String> communities, List<String> formats,
                        List<String> languages, OrganisationRequest.OptOut optOut, MailFrequency mail, Instant createdAt,
                        Instant updatedAt) {
    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id(), o.version(), o.name(), o.kind(), o.emails(), o.areas(), o.interests(),
                o.communities(), o.formats(), o.languages(), new OrganisationRequest.OptOut(o.optOutAll(), o.optOutThemes()),
                o.mail(), o.createdAt(), o.updatedAt());
    }

    /** One line of an organisation's change log, as the API answers it. */
    @Serdeable
    record Change(Long id, Instant at, String actor, OrganisationChange.Via via, OrganisationChange.Step step,
                  List<String> changes) {
        static Change of(OrganisationChange c) {
            return new Change(c.id(), c.at(), c.actor(), c.via(), c.step(), c.changes());
        }
    }
}
