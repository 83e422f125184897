package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** That an alert about a consultation was sent, so re-runs and restarts never send it twice. */
@MappedEntity("officer_alert")
record OfficerAlert(@Id @GeneratedValue @Nullable Long id, Long consultationId, String kind, String dueKey, Instant createdAt) {
}
