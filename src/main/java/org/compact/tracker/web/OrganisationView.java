package org.compact.tracker.web;

import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationKind;
import org.compact.tracker.organisation.OrganisationRequest;

import java.time.Instant;
import java.util.List;

/** An organisation as the API answers it. */
@Serdeable
record OrganisationView(Long id, Long version, String name, OrganisationKind kind, List<String> emails,
                        List<String> areas, List<String> interests, List<String> communities,
                        OrganisationRequest.OptOut optOut, Instant createdAt, Instant updatedAt) {
    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id(), o.version(), o.name(), o.kind(), o.emails(), o.areas(), o.interests(),
                o.communities(), new OrganisationRequest.OptOut(o.optOutAll(), o.optOutThemes()), o.createdAt(),
                o.updatedAt());
    }
}
