package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.support.FieldError;

import java.util.List;

/** An RFC 7807 problem document, with the fields (and rule ids) that caused it. */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      List<FieldError> errors) {
    static final String MEDIA_TYPE = "application/problem+json";
}
