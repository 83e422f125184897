package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The feedback of one consultation. */
@Serdeable
@MappedEntity("feedback")
public record Feedback(
        @Id Long consultationId,
        String youSaid,
        String weDid,
        Outcome outcome,
        @Nullable String reasons,
        @Nullable String reportUrl,
        @Nullable LocalDate decidedOn,
        @TypeDef(type = DataType.STRING, converter = CountsConverter.class) Map<String, Integer> responseCounts,
        String recordedBy,
        Instant recordedAt) {
}
