package org.compact.tracker.support;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The single row of {@code register_stamp}. */
@MappedEntity("register_stamp")
record RegisterStampRow(@Id Integer id, Long stamp) {
}
