package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person who signs in: an officer, a monitor or an admin, always of one agency.
 *
 * @param usernameKey    the username in lower case, unique (V16): 'ADMIN' is the same user as 'admin'
 * @param displayName    how mail and pages name the user (V22); the username while none is set
 * @param sessionVersion carried by every token (the claim {@code ver}); moving it ends every token issued before
 */
@MappedEntity("app_user")
public record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String usernameKey,
        String passwordHash,
        String email,
        Long agencyId,
        String roles,
        boolean enabled,
        long sessionVersion,
        Instant createdAt,
        @Nullable String displayName) {

    static AppUser created(String username, String passwordHash, String email, Long agencyId, Set<Role> roles,
                           Instant createdAt, @Nullable String displayName) {
        return new AppUser(null, username, keyOf(username), passwordHash, email, agencyId, joinRoles(roles), true, 0,
                createdAt, displayName);
    }

    /** How mail and pages name the user: the display name, or the username while none is set. */
    public String name() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** The same user with another display name (none: named by the username). */
    AppUser withDisplayName(@Nullable String name) {
        return new AppUser(id, username, usernameKey, passwordHash, email, agencyId, roles, enabled, sessionVersion,
                createdAt, name);
    }

    /** The same user with the given rights and address; with {@code endSessions}, every token issued before ends. */
    AppUser changed(boolean enabled, Set<Role> roles, Long agencyId, String email, boolean endSessions) {
        return new AppUser(id, username, usernameKey, passwordHash, email, agencyId, joinRoles(roles), enabled,
                endSessions ? sessionVersion + 1 : sessionVersion, createdAt, displayName);
    }

    /** The same user with a new password hash (the caller moves the session version when it should). */
    AppUser withPasswordHash(String hash) {
        return new AppUser(id, username, usernameKey, hash, email, agencyId, roles, enabled, sessionVersion, createdAt,
                displayName);
    }

    /** How a username is compared: without regard to case (and to spaces typed around it). */
    static String keyOf(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

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
