package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What organisations already notified are told of a change, one line per thing they planned around: the dates, what
 * it is about, what is open to change, how to take part. Changes they did not hear of in the notice (the lead
 * officer, the targets) are not mailed.
 */
final class ChangeWording {
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private ChangeWording() {
    }

    /** The lines for the fields named in {@code changed}, read from the consultation as it now is. */
    static List<String> of(NoticeContent c, List<String> changed) {
        List<String> lines = new ArrayList<>();
        if (changed.contains("opensOn")) {
            lines.add("It now opens on " + day(c.opensOn()) + ".");
        }
        if (changed.contains("closesOn")) {
            lines.add("It now closes at the end of " + day(c.closesOn()) + ".");
        }
        if (changed.contains("decisionDate")) {
            lines.add("The decision is now due on " + day(c.decisionDate()) + ".");
        }
        if (changed.contains("title")) {
            lines.add("It is now called: " + c.title());
        }
        if (changed.contains("summary")) {
            lines.add("What it is about: " + c.summary());
        }
        if (changed.contains("openToChange")) {
            lines.add("What your views can change: " + orUnstated(c.openToChange()));
        }
        if (changed.contains("fixed")) {
            lines.add("What is already decided: " + orUnstated(c.fixed()));
        }
        if (changed.contains("methods") || changed.contains("venues") || changed.contains("provisions")) {
            lines.add("How to take part: " + String.join(", ", c.methods()).toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (c.venues().isEmpty() ? "" : "; where: " + String.join("; ", c.venues()))
                    + (c.provisions().isEmpty() ? "" : "; help offered: "
                    + String.join(", ", c.provisions()).toLowerCase(Locale.ROOT).replace('_', ' ')) + ".");
        }
        if (changed.contains("howToRespond")) {
            lines.add("Where to respond has changed: see How to take part below.");
        }
        if (changed.contains("events")) {
            lines.add(c.events().isEmpty() ? "The meetings are cancelled: see How to take part below."
                    : "The meetings have changed: see How to take part below, and the attached calendar.");
        }
        return lines;
    }

    /** Organisations were told it would take responses until the end of the close date: closing early is a change. */
    static List<String> closedEarly(LocalDate on, LocalDate planned) {
        return List.of("It closed early, on " + day(on) + "; it was to close at the end of " + day(planned) + ".");
    }

    /** Organisations planned around the open date their notice gave: opening on another day is a change. */
    static List<String> openedOn(LocalDate on, LocalDate planned) {
        return List.of("It opened " + (on.isBefore(planned) ? "early" : "late") + ", on " + day(on)
                + ", not on " + day(planned) + " as the notice said.");
    }

    /** "Sunday 23 May 2027", as the rest of the mail writes dates. */
    private static String day(@Nullable LocalDate date) {
        return date == null ? "a date still to be set" : DAY.format(date);
    }

    private static String orUnstated(@Nullable String text) {
        return text == null ? "(no longer stated; ask the officer)" : text;
    }
}
