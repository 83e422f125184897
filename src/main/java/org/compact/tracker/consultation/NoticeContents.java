package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.notice.NoticeContent;
import org.compact.tracker.notice.Targets;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.security.AppUser;
import org.compact.tracker.security.UserService;

import java.util.List;

/** What a notice says of a consultation and whom it asks, gathered from the register for the notice feature. */
@Singleton
class NoticeContents {
    private final AgencyService agencies;
    private final UserService users;
    private final TranslationRepository translations;

    NoticeContents(AgencyService agencies, UserService users, TranslationRepository translations) {
        this.agencies = agencies;
        this.users = users;
        this.translations = translations;
    }

    NoticeContent of(Consultation c) {
        String agency = agencies.find(c.getAgencyId()).map(a -> a.name()).orElse("The council");
        List<String> partners = c.getPartnerAgencyIds().stream()
                .map(id -> agencies.find(id).map(a -> a.name()).orElse("agency " + id)).toList();
        AppUser lead = users.findByUsername(c.getLeadOfficer()).orElse(null);
        return new NoticeContent(c.getId(), c.getTitle(), c.getSummary(), agency, partners,
                lead == null ? c.getLeadOfficer() : lead.name(), lead == null ? "" : lead.email(),
                c.getThemes(), c.getAreas(), c.getMethods(), c.getProvisions(), c.getLanguages(), c.getVenues(),
                c.getOpenToChange(), c.getFixed(), c.getDecisionDate(), c.getDecisionMaker(), c.getOpensOn(),
                c.getClosesOn(), c.getVersion() == null ? 0 : c.getVersion(),
                c.getId() == null ? List.of() : translations.findByConsultationIdOrderByLanguage(c.getId()).stream()
                        .map(TranslationRow::view).toList(),
                c.getHowToRespond(), c.getEvents());
    }

    /** What a change mail says of a consultation that opened on another day than planned: the day it opened. */
    NoticeContent openedAs(Consultation c) {
        return of(c).withOpensOn(c.getOpenedOn() != null ? c.getOpenedOn() : c.getOpensOn());
    }

    static Targets targets(Consultation c) {
        return new Targets(c.getTargetOrganisationIds(), c.getTargetAreas(), c.getTargetInterests(),
                c.getTargetCommunities());
    }
}
