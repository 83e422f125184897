package org.compact.tracker.security;

import java.util.Set;

/** Who is asking: the signed-in user's name, agency and roles, as carried by their token. */
public record Actor(String username, Long agencyId, Set<Role> roles) {

    /** The actor of work the service does by itself (the scheduler). */
    public static final Actor SYSTEM = new Actor("system", null, Set.of(Role.ADMIN));

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Admins act for every agency; officers only for their own; monitors for none. */
    public boolean mayActFor(Long agency) {
        return isAdmin() || (roles.contains(Role.OFFICER) && agencyId != null && agencyId.equals(agency));
    }

    /**
     * Who may read what an agency's consultation holds about people (participants, concerns, their addresses):
     * admins, monitors and the agency's own officers.
     */
    public boolean mayReadPeopleOf(Long agency) {
        return mayActFor(agency) || roles.contains(Role.MONITOR);
    }

    /**
     * Whether this actor may act for one of {@code agencies}: a joint consultation's lead and partners, whose
     * officers all record its feedback, actions and answers to concerns (only the lead's change it or take its steps).
     */
    public boolean mayActForAny(java.util.Collection<Long> agencies) {
        return isAdmin() || agencies.stream().anyMatch(this::mayActFor);
    }

    /** {@link #mayReadPeopleOf} for a joint consultation: its lead's and partners' officers, admins and monitors. */
    public boolean mayReadPeopleOfAny(java.util.Collection<Long> agencies) {
        return mayActForAny(agencies) || roles.contains(Role.MONITOR);
    }

    /** 403 unless this actor may act for one of {@code agencies} (a joint consultation's lead and partners). */
    public void requireMayActForAny(java.util.Collection<Long> agencies) {
        if (!mayActForAny(agencies)) {
            throw org.compact.tracker.support.Refusal.forbidden(
                    "You may act only for consultations your agency leads or is a partner of.");
        }
    }

    public void requireMayActFor(Long agency) {
        if (!mayActFor(agency)) {
            throw org.compact.tracker.support.Refusal.forbidden(
                    "You may act only for consultations of your own agency.");
        }
    }
}
