package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.rules.RuleId;

import java.time.Instant;

/**
 * A recorded decision to go ahead although a rule fails, with the written reason the Compact asks for (e.g. "clear
 * explanations and rationale for shorter time-frames"). Every exemption shows in history and compliance reports.
 */
@Serdeable
@MappedEntity("consultation_exemption")
public record Exemption(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        RuleId ruleId,
        String reason,
        String recordedBy,
        Instant recordedAt) {
}
