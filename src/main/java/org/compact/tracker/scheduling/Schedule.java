package org.compact.tracker.scheduling;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * When each job runs (configuration {@code tracker.jobs.*}, times in the council's zone). Cron expressions are
 * Quartz's (seconds first).
 */
@Singleton
class Schedule {
    /** One scheduled job: the DueWork it runs and its Quartz cron expression, or a fixed interval in seconds. */
    record Entry(String work, String cron, int everySeconds) {
    }

    private final List<Entry> entries;

    Schedule(@Value("${tracker.jobs.lifecycle.cron:0 5 * * * ?}") String lifecycle,
             @Value("${tracker.jobs.notice-watch.cron:0 0 7 * * ?}") String noticeWatch,
             @Value("${tracker.jobs.feedback-chase.cron:0 30 7 * * ?}") String feedbackChase,
             @Value("${tracker.jobs.contact-changes.cron:0 20 * * * ?}") String contactChanges,
             @Value("${tracker.jobs.concern-chase.cron:0 45 7 * * ?}") String concernChase,
             @Value("${tracker.jobs.monthly-letter.cron:0 10 8 * * ?}") String monthlyLetter,
             @Value("${tracker.jobs.mail-relay.every-seconds:5}") int relaySeconds,
             @Value("${tracker.digest.day:MONDAY}") String digestDay,
             @Value("${tracker.digest.time:09:00}") String digestTime) {
        this.entries = List.of(new Entry("lifecycle", lifecycle, 0), new Entry("notice watch", noticeWatch, 0),
                new Entry("feedback chase", feedbackChase, 0), new Entry("contact changes", contactChanges, 0),
                new Entry("concern chase", concernChase, 0), new Entry("weekly digest", digestCron(digestDay, digestTime), 0),
                new Entry("monthly letter", monthlyLetter, 0),
                new Entry("mail relay", null, relaySeconds));
    }

    /** The digest's day and time as a Quartz cron expression: MONDAY and 09:00 give "0 0 9 ? * MON". */
    static String digestCron(String day, String time) {
        java.time.DayOfWeek d;
        java.time.LocalTime t;
        try {
            d = java.time.DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tracker.digest.day must be a day of the week (MONDAY … SUNDAY): " + day);
        }
        try {
            t = java.time.LocalTime.parse(time.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("tracker.digest.time must be a time such as 09:00: " + time);
        }
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " ? * " + d.name().substring(0, 3);
    }

    List<Entry> entries() {
        return entries;
    }
}
