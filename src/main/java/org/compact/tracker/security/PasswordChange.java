package org.compact.tracker.security;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A signed-in user's new password, with the current one: the same length rules as at creation ({@link NewUser}). */
@Serdeable
public record PasswordChange(
        @NotBlank @Size(max = 200) String currentPassword,
        @NotBlank @Size(min = 12, max = 200) String newPassword) {
}
