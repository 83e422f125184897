package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.notice.Translation;
import org.compact.tracker.rules.Check;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation as the API answers it; {@code checks} and {@code translations} are present on single-consultation
 * answers. A joint consultation names its partner agencies in {@code partnerAgencyIds} (empty for a consultation of
 * one agency).
 */
@Serdeable
public record ConsultationView(
        Long id,
        Long version,
        ConsultationStatus status,
        String title,
        String summary,
        Long agencyId,
        List<Long> partnerAgencyIds,
        String leadOfficer,
        List<String> themes,
        List<String> areas,
        List<String> audiences,
        List<String> methods,
        ConsultationRequest.Targets targets,
        @Nullable String openToChange,
        @Nullable String fixed,
        @Nullable LocalDate decisionDate,
        @Nullable String decisionMaker,
        @Nullable LocalDate opensOn,
        @Nullable LocalDate closesOn,
        List<String> provisions,
        List<String> languages,
        List<String> venues,
        HowToRespond howToRespond,
        List<ConsultationEvent> events,
        ConsultationRequest.PriorWork priorWork,
        @Nullable LocalDate notifiedOn,
        @Nullable Instant notifiedAt,
        @Nullable LocalDate openedOn,
        @Nullable LocalDate closedOn,
        @Nullable LocalDate withdrawnOn,
        @Nullable String withdrawalReason,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable List<Exemption> exemptions,
        @Nullable List<Check> checks,
        @Nullable List<Translation> translations) {

    static ConsultationView of(Consultation c, @Nullable List<Exemption> exemptions, @Nullable List<Check> checks) {
        return of(c, exemptions, checks, null);
    }

    /** With its translations ({@code translations[]}, single-consultation answers), by language tag. */
    static ConsultationView of(Consultation c, @Nullable List<Exemption> exemptions, @Nullable List<Check> checks,
                               @Nullable List<Translation> translations) {
        return new ConsultationView(c.getId(), c.getVersion(), c.getStatus(), c.getTitle(), c.getSummary(),
                c.getAgencyId(), c.getPartnerAgencyIds(), c.getLeadOfficer(), c.getThemes(), c.getAreas(), c.getAudiences(), c.getMethods(),
                new ConsultationRequest.Targets(c.getTargetOrganisationIds(), c.getTargetAreas(),
                        c.getTargetInterests(), c.getTargetCommunities()),
                c.getOpenToChange(), c.getFixed(), c.getDecisionDate(), c.getDecisionMaker(), c.getOpensOn(),
                c.getClosesOn(), c.getProvisions(), c.getLanguages(), c.getVenues(),
                c.getHowToRespond(), c.getEvents(),
                new ConsultationRequest.PriorWork(c.getPriorWorkIds(), c.getPriorWorkStatement()),
                c.getNotifiedOn(), c.getNotifiedAt(), c.getOpenedOn(), c.getClosedOn(), c.getWithdrawnOn(),
                c.getWithdrawalReason(), c.getCreatedBy(), c.getCreatedAt(), c.getUpdatedAt(), exemptions, checks,
                translations);
    }
}
