package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A public body bound by the Compact: a council, an NHS trust, the police. Compliance is reported per agency. */
@io.micronaut.serde.annotation.Serdeable
@MappedEntity("agency")
public record Agency(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        AgencyKind kind,
        String complianceContactEmail,
        Instant createdAt) {
}
