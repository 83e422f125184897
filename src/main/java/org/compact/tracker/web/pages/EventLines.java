package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.FieldError;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The officers' form writes a consultation's events in a small text box, one event a line:
 * {@code 2027-03-10 18:30-20:00 | Public meeting | Ordsall Library, Ordsall Lane | Hearing loop, BSL interpreter | details}
 * (date and times, title, then venue, provisions and details, which may be left out). Times are local (Europe/London).
 */
final class EventLines {
    private static final Pattern WHEN = Pattern.compile(
            "\\s*(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})\\s*");

    private EventLines() {
    }

    /** The events of the text box, one a line; a line that cannot be read adds an error naming it. */
    static List<ConsultationEvent> read(@Nullable String text, List<FieldError> errors) {
        List<ConsultationEvent> events = new ArrayList<>();
        if (text == null) {
            return events;
        }
        List<String> lines = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\\|", -1);
            Matcher m = WHEN.matcher(parts[0]);
            if (parts.length < 2 || !m.matches() || parts[1].isBlank()) {
                errors.add(FieldError.of("events", "line " + (i + 1) + " must read: date start-end | title | venue "
                        + "| provisions | details, for example 2027-03-10 18:30-20:00 | Public meeting | Ordsall Library"));
                continue;
            }
            try {
                LocalDate day = LocalDate.parse(m.group(1));
                LocalDateTime starts = day.atTime(LocalTime.parse(pad(m.group(2))));
                LocalDateTime ends = day.atTime(LocalTime.parse(pad(m.group(3))));
                events.add(new ConsultationEvent(parts[1].strip(), starts, ends, part(parts, 2),
                        part(parts, 4), provisions(part(parts, 3))));
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("events", "line " + (i + 1) + ": the date or a time cannot be read"));
            }
        }
        return events;
    }

    /** The events as the text box shows them. */
    static String write(List<ConsultationEvent> events) {
        StringBuilder out = new StringBuilder();
        for (ConsultationEvent e : events) {
            out.append(e.startsAt().toLocalDate()).append(' ').append(e.startsAt().toLocalTime()).append('-')
                    .append(e.endsAt().toLocalTime()).append(" | ").append(e.title()).append(" | ")
                    .append(e.venue() == null ? "" : e.venue()).append(" | ")
                    .append(String.join(", ", e.provisions())).append(" | ")
                    .append(e.details() == null ? "" : e.details().replace('\n', ' ')).append('\n');
        }
        return out.toString();
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    @Nullable
    private static String part(String[] parts, int i) {
        return parts.length > i && !parts[i].isBlank() ? parts[i].strip() : null;
    }

    /** "Hearing loop, BSL interpreter" or the codes themselves → HEARING_LOOP, BSL_INTERPRETER. */
    private static List<String> provisions(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')).toList();
    }
}
