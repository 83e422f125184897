package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.security.AppUser;
import org.compact.tracker.security.Role;
import org.compact.tracker.security.UserService;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the register refuses to keep at all, whatever the rules say: no title or summary, dates out of order or out
 * of range, a lead officer of another agency, targets, earlier work or partner agencies that do not exist. All problems at once (422).
 */
@Singleton
class Validation {
    private final UserService users;
    private final OrganisationService organisations;
    private final ConsultationRepository consultations;
    private final AgencyService agencies;

    Validation(UserService users, OrganisationService organisations, ConsultationRepository consultations,
               AgencyService agencies) {
        this.users = users;
        this.agencies = agencies;
        this.organisations = organisations;
        this.consultations = consultations;
    }

    void validate(Consultation c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.getTitle() == null) {
            errors.add(FieldError.of("title", "must not be blank"));
        }
        if (c.getSummary() == null) {
            errors.add(FieldError.of("summary", "must not be blank: it is what organisations receive"));
        }
        requireDateInRange("decisionDate", c.getDecisionDate(), errors);
        requireDateInRange("opensOn", c.getOpensOn(), errors);
        requireDateInRange("closesOn", c.getClosesOn(), errors);
        if (c.getOpensOn() != null && c.getClosesOn() != null && c.getClosesOn().isBefore(c.getOpensOn())) {
            errors.add(FieldError.of("closesOn", "must not be before opensOn (" + c.getOpensOn() + ")"));
        }
        if (c.getDecisionDate() != null && c.getOpensOn() != null && c.getDecisionDate().isBefore(c.getOpensOn())) {
            errors.add(new FieldError("decisionDate", RuleId.INFLUENCE.name(),
                    "must not be before opensOn: consult before the decision, so consultation can change it"));
        }
        if (c.getStatus() != ConsultationStatus.PLANNED && c.getHowToRespond().isEmpty()) {
            errors.add(new FieldError("howToRespond", RuleId.NOTICE.name(), org.compact.tracker.rules.RespondCheck.MISSING));
        }
        for (int i = 0; i < c.getEvents().size(); i++) {
            ConsultationEvent ev = c.getEvents().get(i);
            String at = "events[" + i + "]";
            if (ev.title() == null || ev.title().isBlank()) {
                errors.add(FieldError.of(at + ".title", "must not be blank"));
            }
            if (ev.startsAt() == null || !Dates.inRange(ev.startsAt().toLocalDate())) {
                errors.add(FieldError.of(at + ".startsAt", "must be a local date and time (Europe/London) in years 1900-2100, e.g. 2027-03-10T18:30"));
            }
            if (ev.endsAt() == null || !Dates.inRange(ev.endsAt().toLocalDate())) {
                errors.add(FieldError.of(at + ".endsAt", "must be a local date and time (Europe/London) in years 1900-2100, e.g. 2027-03-10T20:00"));
            } else if (ev.startsAt() != null && !ev.endsAt().isAfter(ev.startsAt())) {
                errors.add(FieldError.of(at + ".endsAt", "must be after startsAt (" + ev.startsAt() + ")"));
            }
        }
        AppUser lead = c.getLeadOfficer() == null ? null : users.findByUsername(c.getLeadOfficer()).orElse(null);
        if (lead == null || !lead.agencyId().equals(c.getAgencyId()) || !lead.roleSet().contains(Role.OFFICER) && !lead.roleSet().contains(Role.ADMIN)) {
            errors.add(FieldError.of("leadOfficer", "must be the username of an officer of the consultation's agency"));
        }
        List<Long> unknownOrganisations = organisations.unknown(c.getTargetOrganisationIds());
        if (!unknownOrganisations.isEmpty()) {
            errors.add(FieldError.of("targets.organisationIds", "no organisation with id " + unknownOrganisations));
        }
        if (c.getId() != null && c.getPriorWorkIds().contains(c.getId())) {
            errors.add(FieldError.of("priorWork.relatedIds", "a consultation cannot be its own earlier work"));
        }
        if (!c.getPriorWorkIds().isEmpty()) {
            Set<Long> known = consultations.findByIdInList(c.getPriorWorkIds()).stream().map(Consultation::getId)
                    .collect(Collectors.toSet());
            List<Long> unknown = c.getPriorWorkIds().stream().filter(i -> !known.contains(i)).toList();
            if (!unknown.isEmpty()) {
                errors.add(FieldError.of("priorWork.relatedIds", "no consultation with id " + unknown));
            }
        }
        partners(c, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    /** A joint consultation's partners: existing agencies, each named once, the lead agency not among them. */
    private void partners(Consultation c, List<FieldError> errors) {
        List<Long> ids = c.getPartnerAgencyIds();
        if (ids.contains(c.getAgencyId())) {
            errors.add(FieldError.of("partnerAgencyIds", "must not name the lead agency (" + c.getAgencyId()
                    + "): a partner is another agency consulting with it"));
        }
        List<Long> twice = ids.stream().filter(i -> ids.indexOf(i) != ids.lastIndexOf(i)).distinct().toList();
        if (!twice.isEmpty()) {
            errors.add(FieldError.of("partnerAgencyIds", "names agency " + twice + " more than once"));
        }
        List<Long> unknown = ids.stream().distinct().filter(i -> agencies.find(i).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.add(FieldError.of("partnerAgencyIds", "no agency with id " + unknown));
        }
    }

    /** A date must lie in years 1900–2100 ({@link Dates}); the pages' form reaches here without the API's constraint. */
    private static void requireDateInRange(String field, @Nullable LocalDate date, List<FieldError> errors) {
        if (!Dates.inRange(date)) {
            errors.add(FieldError.of(field, Dates.OUT_OF_RANGE));
        }
    }
}
