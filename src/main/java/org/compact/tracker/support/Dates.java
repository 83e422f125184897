package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates as people and programs send them, held to years 0001–9999. Java reads "-4713-01-01" or "+20000-01-01" as
 * readily as any other date; PostgreSQL refuses dates before 4713 BC and the checks look months either side of a
 * date, so such a date, once saved, made every later read of what held it fail. Every date the service accepts
 * (JSON bodies through {@link CalendarDate}, query parameters and form fields through {@link #parse}) passes here.
 */
public final class Dates {
    /** The reason given for a date out of range, naming the range. */
    public static final String OUT_OF_RANGE = "must be a date between 0001-01-01 and 9999-12-31";

    private static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LAST = LocalDate.of(10000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private Dates() {
    }

    /** True when {@code date} is absent or lies in years 0001–9999. */
    public static boolean inRange(@Nullable LocalDate date) {
        return date == null || (date.getYear() >= 1 && date.getYear() <= 9999);
    }

    /** True when {@code instant} is absent or lies in years 0001–9999 (UTC). */
    public static boolean inRange(@Nullable Instant instant) {
        return instant == null || (!instant.isBefore(FIRST) && instant.isBefore(LAST));
    }

    /**
     * An ISO date (yyyy-mm-dd); throws {@link DateTimeParseException}, as {@link LocalDate#parse} does, for text that
     * is not one or for a year outside 0001–9999 — so a caller's existing "must be a date yyyy-mm-dd" answer covers
     * both.
     */
    public static LocalDate parse(String text) {
        return checked(LocalDate.parse(text), text);
    }

    /** {@code date}, read from {@code text}; a {@link DateTimeParseException} if its year is outside 0001–9999. */
    public static LocalDate checked(LocalDate date, CharSequence text) {
        if (!inRange(date)) {
            throw new DateTimeParseException("year outside 0001-9999", text, 0);
        }
        return date;
    }
}
