package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A contact who unsubscribed: honoured at once, for every later mail to that address of that organisation. */
@MappedEntity("contact_opt_out")
record ContactOptOut(@Id @GeneratedValue @Nullable Long id, Long organisationId, String email, Instant at) {
}
