package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compact.tracker.support.SingleLine;

import java.util.List;

/**
 * An organisation as sent to {@code POST} (all required fields) or {@code PATCH} (absent fields unchanged) of
 * {@code /api/organisations}. Every text is a name or label on one line ({@link SingleLine}).
 */
@Serdeable
public record OrganisationRequest(
        @Nullable @Size(min = 1, max = 200) @SingleLine String name,
        @Nullable @Size(max = 40) @SingleLine String kind,
        @Nullable @Size(max = 20) List<@NotBlank @Email @Size(max = 320) @SingleLine String> emails,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) @SingleLine String> areas,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) @SingleLine String> interests,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) @SingleLine String> communities,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 40) @SingleLine String> formats,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) @SingleLine String> languages,
        @Schema(nullable = false) @Nullable @Valid OptOut optOut,
        @Schema(description = "How much mail the organisation wants: IMMEDIATE (each mail on its own, the default) "
                + "or WEEKLY (one digest a week; what cannot wait still goes at once)", allowableValues = {"IMMEDIATE", "WEEKLY"},
                nullable = false)
        @Nullable @Size(max = 20) @SingleLine String mail) {

    /** What an organisation does not want to be consulted on: everything, or some themes. */
    @Serdeable
    public record OptOut(@Nullable Boolean all, @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) @SingleLine String> themes) {
    }
}
