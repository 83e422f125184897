package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When the weekly digest goes: {@code tracker.digest.day} (default MONDAY) at {@code tracker.digest.time} (default
 * 09:00), in the service's zone (Europe/London). The scheduler's job for it is built from the same two settings.
 */
@Singleton
public class DigestSchedule {
    private final DayOfWeek day;
    private final LocalTime time;
    private final Clock clock;

    DigestSchedule(@Value("${tracker.digest.day:MONDAY}") String day, @Value("${tracker.digest.time:09:00}") String time,
                   Clock clock) {
        this.day = day(day);
        this.time = time(time);
        this.clock = clock;
    }

    static DayOfWeek day(String value) {
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tracker.digest.day must be a day of the week (MONDAY … SUNDAY): " + value);
        }
    }

    static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("tracker.digest.time must be a time such as 09:00: " + value);
        }
    }

    /** The first digest run strictly after {@code now}. */
    public ZonedDateTime next(Instant now) {
        ZonedDateTime at = now.atZone(clock.getZone());
        ZonedDateTime candidate = at.with(TemporalAdjusters.nextOrSame(day)).with(time);
        return candidate.toInstant().isAfter(now) ? candidate : at.with(TemporalAdjusters.next(day)).with(time);
    }

    /** The last digest run at or before {@code now}: what was held until then is due. */
    public ZonedDateTime latest(Instant now) {
        ZonedDateTime at = now.atZone(clock.getZone());
        ZonedDateTime candidate = at.with(TemporalAdjusters.previousOrSame(day)).with(time);
        return candidate.toInstant().isAfter(now) ? at.with(TemporalAdjusters.previous(day)).with(time) : candidate;
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime time() {
        return time;
    }
}
