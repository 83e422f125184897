package org.compact.tracker.security;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Set;

/** A user as the API shows it: never the password hash; {@code displayName} is the username while none is set. */
@Serdeable
public record UserView(Long id, String username, String email, Long agencyId, Set<Role> roles, boolean enabled, Instant createdAt,
                       String displayName) {
    static UserView of(AppUser u) {
        return new UserView(u.id(), u.username(), u.email(), u.agencyId(), u.roleSet(), u.enabled(), u.createdAt(),
                u.name());
    }
}
