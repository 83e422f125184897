package org.compact.tracker.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;

/** The checks behind {@link CalendarDate}, one per type it may mark. */
@Factory
class CalendarDateValidators {
    @Singleton
    ConstraintValidator<CalendarDate, LocalDate> calendarLocalDate() {
        return (value, annotationMetadata, context) -> Dates.inRange(value);
    }

    @Singleton
    ConstraintValidator<CalendarDate, Instant> calendarInstant() {
        return (value, annotationMetadata, context) -> Dates.inRange(value);
    }
}
