package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates as people and programs send them, held to years 1900–2100. Java reads "-4713-01-01" or "+20000-01-01" as
 * readily as any other date; PostgreSQL refuses dates before 4713 BC and the checks look months either side of a
 * date, so such a date, once saved, made every later read of what held it fail. Years 0001–9999 were not enough
 * either: a consultation closing on 9999-12-31 ends on the day after, in year 10000, which the programme's calendar
 * wrote as "+100000101" (no calendar reads it). No consultation, decision, consent or earlier work of a local
 * Compact lies outside 1900–2100, so a date there is a typing slip or a probe. Every date the service accepts (JSON
 * bodies through {@link CalendarDate}, query parameters, form fields and CSV through {@link #parse}) passes here.
 */
public final class Dates {
    /** The reason given for a date out of range, naming the range. */
    public static final String OUT_OF_RANGE = "must be a date between 1900-01-01 and 2100-12-31";

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;
    private static final Instant FIRST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LAST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private Dates() {
    }

    /** True when {@code date} is absent or lies in years 1900–2100. */
    public static boolean inRange(@Nullable LocalDate date) {
        return date == null || (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR);
    }

    /**
     * True when a calendar (RFC 5545, four-digit years) can write {@code date}. The calendar writers ask before each
     * event, so a date saved before the range above held (or a day after the last) cannot print a broken feed.
     */
    public static boolean printable(LocalDate date) {
        return date.getYear() >= 1 && date.getYear() <= 9999;
    }

    /** True when {@code instant} is absent or lies in years 1900–2100 (UTC). */
    public static boolean inRange(@Nullable Instant instant) {
        return instant == null || (!instant.isBefore(FIRST) && instant.isBefore(LAST));
    }

    /**
     * An ISO date (yyyy-mm-dd); throws {@link DateTimeParseException}, as {@link LocalDate#parse} does, for text that
     * is not one or for a year outside 1900–2100 — so a caller's existing "must be a date yyyy-mm-dd" answer covers
     * both.
     */
    public static LocalDate parse(String text) {
        return checked(LocalDate.parse(text), text);
    }

    /** {@code date}, read from {@code text}; a {@link DateTimeParseException} if its year is outside 1900–2100. */
    public static LocalDate checked(LocalDate date, CharSequence text) {
        if (!inRange(date)) {
            throw new DateTimeParseException("year outside 1900-2100", text, 0);
        }
        return date;
    }
}
