package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One reason a request was refused: the field it concerns (JSON path), the rule id if a rule refused it, and why. */
@Serdeable
public record FieldError(@Nullable String field, @Nullable String ruleId, String reason) {
    public static FieldError of(String field, String reason) {
        return new FieldError(field, null, reason);
    }
}
