package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.notice.OfficerAlerts;

import java.time.LocalDate;
import java.util.List;

/** A consultation's identity and state, read cheaply: no checks are run for it. {@code agencyId} is its lead. */
public record ConsultationSummary(Long id, Long agencyId, String title, ConsultationStatus status, String leadOfficer,
                                  @Nullable LocalDate closesOn, @Nullable LocalDate closedOn,
                                  List<Long> partnerAgencyIds) {

    /** The lead agency and the partners of a joint consultation: whose officers read it and record its feedback. */
    public List<Long> agencies() {
        return Lifecycle.agencies(partnerAgencyIds, agencyId);
    }

    /** The consultation as an officer's alert names it. */
    public OfficerAlerts.About about() {
        return new OfficerAlerts.About(id, title, leadOfficer, agencyId);
    }

    static ConsultationSummary of(Consultation c) {
        return new ConsultationSummary(c.getId(), c.getAgencyId(), c.getTitle(), c.getStatus(), c.getLeadOfficer(),
                c.getClosesOn(), c.getClosedOn(), c.getPartnerAgencyIds());
    }
}
