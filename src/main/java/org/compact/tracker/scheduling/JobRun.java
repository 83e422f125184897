package org.compact.tracker.scheduling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One run of a scheduled job: when Quartz meant it to fire, when it ran, on which node, and what it did. */
@Serdeable
@MappedEntity("job_run")
public record JobRun(@Id @GeneratedValue @Nullable Long id, String work, String node, Instant fireTime,
                     Instant startedAt, @Nullable Instant finishedAt, @Nullable String result) {
}
