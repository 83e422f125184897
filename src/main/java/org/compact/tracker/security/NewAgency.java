package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compact.tracker.support.SingleLine;

/** A request to register an agency. */
@Serdeable
public record NewAgency(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @Nullable @Size(max = 40) @SingleLine String kind,
        @NotBlank @Email @Size(max = 320) @SingleLine String complianceContactEmail) {
}
