package org.compact.tracker.security;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.compact.tracker.support.SingleLine;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A request to create a user. Passwords are at least 12 characters (NCSC guidance favours length).
 * {@code displayName} is how mail names the user ("Priya Shah"); the username when absent. */
@Serdeable
public record NewUser(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ - only") String username,
        @NotBlank @Size(min = 12, max = 200) String password,
        @NotBlank @Email @Size(max = 320) String email,
        @NotNull Long agencyId,
        @NotEmpty Set<@NotBlank String> roles,
        @Nullable @Size(max = 200) @SingleLine String displayName) {
}
