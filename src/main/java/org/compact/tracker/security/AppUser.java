package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who signs in: an officer, a monitor or an admin, always of one agency. */
@MappedEntity("app_user")
public record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        String email,
        Long agencyId,
        String roles,
        boolean enabled,
        Instant createdAt) {

    public Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static String joinRoles(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
