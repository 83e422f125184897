package org.compact.tracker.security;

import io.micronaut.security.authentication.Authentication;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the actor out of a verified token. */
public final class Actors {
    static final String AGENCY_ATTRIBUTE = "agencyId";
    /** The user's session version when the token was issued: see {@link SessionClaimsValidator}. */
    static final String VERSION_ATTRIBUTE = "ver";

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        Object agency = authentication.getAttributes().get(AGENCY_ATTRIBUTE);
        Long agencyId = agency instanceof Number n ? n.longValue() : agency == null ? null : Long.valueOf(agency.toString());
        Set<Role> roles = authentication.getRoles().stream()
                .filter(r -> EnumSet.allOf(Role.class).stream().anyMatch(x -> x.name().equals(r)))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Actor(authentication.getName(), agencyId, roles);
    }
}
