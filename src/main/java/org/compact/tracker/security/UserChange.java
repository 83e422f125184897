package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compact.tracker.support.SingleLine;

import java.util.Set;

/**
 * A change to a user by an admin ({@code PATCH /api/users/{id}}): only the fields sent change. The username is never
 * changed. {@code displayName} renames the user as mail names them (empty: the username again). {@code password} sets a new one for a user who has forgotten theirs (the rules of {@link PasswordRules}
 * apply; the user is mailed, and chooses their own once signed in, with {@code POST /api/users/me/password}).
 */
@Serdeable
public record UserChange(
        @Nullable Boolean enabled,
        @Nullable @Size(min = 1, message = "must not be empty") Set<@NotBlank String> roles,
        @Nullable Long agencyId,
        @Nullable @Email @Size(max = 320) String email,
        @Nullable @Size(max = 200) String password,
        @Nullable @Size(max = 200) @SingleLine String displayName) {
}
