package org.compact.tracker.programme;

import org.compact.tracker.notice.Html;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Where and how to respond, and the meetings, as the public pages show them (issue 19): the survey as a link, the
 * email address as a mail link, the postal address, and each meeting with its day, times, venue and the help it
 * offers, in words. Every value escaped; only web addresses starting http(s) become links.
 */
final class TakingPart {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private TakingPart() {
    }

    /** The HTML for the consultation's ways to respond and its meetings; empty when it has neither. */
    static String html(ProgrammeEntry e, String heading) {
        HowToRespond h = e.howToRespond();
        if (h.isEmpty() && e.events().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"taking-part\">");
        if (!heading.isEmpty()) {
            b.append("<p><strong>").append(Html.escape(heading)).append("</strong></p>");
        }
        b.append("<ul>");
        if (h.url() != null && (h.url().startsWith("https://") || h.url().startsWith("http://"))) {
            b.append("<li>Respond online: <a href=\"").append(Html.escape(h.url())).append("\" rel=\"external noreferrer\">")
                    .append(Html.escape(h.url())).append("</a></li>");
        }
        if (h.email() != null) {
            b.append("<li>Respond by email: <a href=\"mailto:").append(Html.escape(h.email())).append("\">")
                    .append(Html.escape(h.email())).append("</a></li>");
        }
        if (h.postalAddress() != null) {
            b.append("<li>Respond by post: ").append(Html.escape(h.postalAddress()).replace("\n", ", ")).append("</li>");
        }
        for (ConsultationEvent m : e.events()) {
            b.append("<li>").append(Html.escape(m.title())).append(": ").append(when(m));
            if (m.venue() != null) {
                b.append(", at ").append(Html.escape(m.venue()));
            }
            if (!m.provisions().isEmpty()) {
                b.append(". Help offered: ").append(Html.escape(String.join(", ",
                        m.provisions().stream().map(PublicLabels::code).toList())));
            }
            if (m.details() != null) {
                b.append(". ").append(Html.escape(m.details()));
            }
            b.append("</li>");
        }
        return b.append("</ul></div>").toString();
    }

    /** "Wednesday 14 April 2027, 6:30pm to 8pm", in a time element for machines. */
    private static String when(ConsultationEvent m) {
        String end = m.endsAt().toLocalDate().equals(m.startsAt().toLocalDate())
                ? time(m.endsAt().toLocalTime()) : DAY.format(m.endsAt()) + ", " + time(m.endsAt().toLocalTime());
        return "<time datetime=\"" + m.startsAt() + "\">" + DAY.format(m.startsAt()) + ", "
                + time(m.startsAt().toLocalTime()) + "</time> to " + end;
    }

    private static String time(LocalTime t) {
        if (t.equals(LocalTime.NOON)) {
            return "midday";
        }
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return hour + (t.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", t.getMinute()))
                + (t.getHour() < 12 ? "am" : "pm");
    }

    /** Whether people can still take part: the ways to respond are shown while it is planned, notified or open. */
    static boolean live(ProgrammeEntry e) {
        return List.of("PLANNED", "NOTIFIED", "OPEN").contains(e.status().name());
    }
}
