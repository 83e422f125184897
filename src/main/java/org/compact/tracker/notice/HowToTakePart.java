package org.compact.tracker.notice;

import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.Wording;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a notice says about where and how to respond, in words a volunteer can act on: the online survey as a link,
 * the email and postal addresses, each meeting with its day, time, venue and the help it offers, and the attached
 * calendar named. Plain text and HTML (every value escaped), for the notice and the change mail alike.
 */
final class HowToTakePart {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private HowToTakePart() {
    }

    /** The section's text and HTML: {text, html}, ending with the sentence that names the mail's own calendar. */
    static String[] section(NoticeContent c) {
        return section(c, true);
    }

    /**
     * The section's text and HTML: {text, html}; {@code namingCalendar} false in a mail whose calendar is not the
     * consultation's own (the weekly digest names its one calendar once).
     */
    static String[] section(NoticeContent c, boolean namingCalendar) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        if (!c.methods().isEmpty()) {
            String ways = NoticeComposer.words(c.methods()) + ".";
            text.append(ways).append('\n');
            html.append("<p>").append(Html.escape(ways)).append("</p>");
        }
        HowToRespond h = c.howToRespond();
        List<String[]> ways = new ArrayList<>();
        if (h.url() != null) {
            ways.add(new String[]{"Respond online: " + h.url(), "Respond online: <a href=\"" + Html.escape(h.url())
                    + "\">" + Html.escape(h.url()) + "</a>"});
        }
        if (h.email() != null) {
            ways.add(new String[]{"Respond by email: " + h.email(), "Respond by email: <a href=\"mailto:"
                    + Html.escape(h.email()) + "\">" + Html.escape(h.email()) + "</a>"});
        }
        if (h.postalAddress() != null) {
            String address = h.postalAddress().strip();
            ways.add(new String[]{"Respond by post: " + address.replace("\n", ", "),
                    "Respond by post: " + Html.escape(address).replace("\n", "<br>")});
        }
        list(ways, text, html);
        if (!c.events().isEmpty()) {
            text.append(c.events().size() == 1 ? "Meeting:\n" : "Meetings:\n");
            html.append("<p>").append(c.events().size() == 1 ? "Meeting:" : "Meetings:").append("</p>");
            List<String[]> meetings = new ArrayList<>();
            for (ConsultationEvent e : c.events()) {
                String line = e.title() + ", " + when(e.startsAt(), e.endsAt())
                        + (e.venue() == null ? "" : ", at " + e.venue()) + "."
                        + (e.provisions().isEmpty() ? "" : " Help offered: " + provisionWords(e.provisions()) + ".")
                        + (e.details() == null ? "" : " " + e.details().replace('\n', ' '));
                meetings.add(new String[]{line, Html.escape(line)});
            }
            list(meetings, text, html);
        }
        if (!c.venues().isEmpty()) {
            String where = "Where: " + String.join("; ", c.venues()) + ".";
            text.append(where).append('\n');
            html.append("<p>").append(Html.escape(where)).append("</p>");
        }
        if (namingCalendar) {
            String calendar = calendarLine(c);
            text.append(calendar);
            html.append("<p>").append(Html.escape(calendar)).append("</p>");
        }
        return new String[]{text.toString().strip(), html.toString()};
    }

    /** The sentence that names the attached calendar. */
    static String calendarLine(NoticeContent c) {
        return "Add these dates to your calendar: open the attached file " + EventCalendar.fileName(c.consultationId())
                + (c.events().isEmpty() ? " (the open period, the last day to respond and the decision)."
                : " (the open period, the last day to respond, the decision and each meeting).");
    }

    /**
     * The help the consultation offers, in words: only what its provisions and languages give, and whom to ask. No
     * promise it has not made (travel costs only when it pays expenses).
     */
    static String help(NoticeContent c) {
        StringBuilder help = new StringBuilder();
        if (!c.provisions().isEmpty()) {
            help.append("We offer: ").append(provisionWords(c.provisions())).append(". ");
        }
        if (!c.languages().isEmpty()) {
            help.append("Languages: ").append(String.join(", ", c.languages())).append(". ");
        }
        help.append(c.provisions().isEmpty() && c.languages().isEmpty()
                ? "Ask " + c.officerName() + " (" + c.officerEmail() + ") if something would help you take part."
                : "Ask " + c.officerName() + " (" + c.officerEmail() + ") for any of these.");
        return help.toString();
    }

    /** HEARING_LOOP, EXPENSES → "hearing loop, travel and out-of-pocket expenses paid". */
    static String provisionWords(List<String> codes) {
        List<String> words = codes.stream().map(code -> switch (code) {
            case "EXPENSES" -> "travel and out-of-pocket expenses paid";
            case "BSL_INTERPRETER" -> "British Sign Language interpreter";
            case "ONLINE_OPTION" -> "taking part online";
            case "PAPER_OPTION" -> "taking part on paper";
            default -> Wording.code(code).toLowerCase(Locale.ROOT);
        }).toList();
        String joined = String.join(", ", words);
        return joined.isEmpty() ? joined : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** "Wednesday 10 March 2027, 6:30pm to 8pm" (another day's end is named in full). */
    static String when(LocalDateTime starts, LocalDateTime ends) {
        String from = DAY.format(starts) + ", " + time(starts.toLocalTime());
        if (ends.toLocalDate().equals(starts.toLocalDate())) {
            return from + " to " + time(ends.toLocalTime());
        }
        return from + " to " + DAY.format(ends) + ", " + time(ends.toLocalTime());
    }

    static String time(LocalTime t) {
        if (t.equals(LocalTime.NOON)) {
            return "midday";
        }
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return hour + (t.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", t.getMinute()))
                + (t.getHour() < 12 ? "am" : "pm");
    }

    private static void list(List<String[]> items, StringBuilder text, StringBuilder html) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul>");
        for (String[] item : items) {
            text.append("- ").append(item[0]).append('\n');
            html.append("<li>").append(item[1]).append("</li>");
        }
        html.append("</ul>");
    }
}
