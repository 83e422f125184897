package org.compact.tracker.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The single row of {@code user_stamp}. */
@MappedEntity("user_stamp")
record UserStampRow(@Id Integer id, Long stamp) {
}
