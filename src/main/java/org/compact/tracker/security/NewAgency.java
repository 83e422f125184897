package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request to register an agency. */
@Serdeable
public record NewAgency(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 40) String kind,
        @NotBlank @Email @Size(max = 320) String complianceContactEmail) {
}
