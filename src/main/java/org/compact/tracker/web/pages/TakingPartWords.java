package org.compact.tracker.web.pages;

import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.Wording;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where to respond and the meetings, in words for the officer's details page (the template escapes them). */
final class TakingPartWords {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private TakingPartWords() {
    }

    /** "Online: https://…; by email: …; by post: …", or empty when none is given. */
    static String respond(HowToRespond h) {
        List<String> ways = new ArrayList<>();
        if (h.url() != null) {
            ways.add("online: " + h.url());
        }
        if (h.email() != null) {
            ways.add("by email: " + h.email());
        }
        if (h.postalAddress() != null) {
            ways.add("by post: " + h.postalAddress().replace('\n', ' '));
        }
        String joined = String.join("; ", ways);
        return joined.isEmpty() ? "" : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** One event a sentence: "Public meeting, Wednesday 14 April 2027, 18:30 to 20:00, at …. Help: Hearing loop." */
    static String events(List<ConsultationEvent> events) {
        List<String> lines = new ArrayList<>();
        for (ConsultationEvent e : events) {
            String end = e.endsAt().toLocalDate().equals(e.startsAt().toLocalDate())
                    ? TIME.format(e.endsAt()) : WHEN.format(e.endsAt());
            lines.add(e.title() + ", " + WHEN.format(e.startsAt()) + " to " + end
                    + (e.venue() == null ? "" : ", at " + e.venue()) + "."
                    + (e.provisions().isEmpty() ? "" : " Help offered: "
                    + String.join(", ", e.provisions().stream().map(Wording::code).toList()) + "."));
        }
        return String.join(" ", lines);
    }
}
