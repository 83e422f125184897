package org.compact.tracker.support;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code consultation_stamp} (V21): one per consultation, and row 0 for the directory. */
@MappedEntity("consultation_stamp")
record ConsultationStampRow(@Id Long consultationId, Long stamp) {
}
