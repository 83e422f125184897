package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Ics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the weekly digest: each item (a notice, a change, a withdrawal) complete when it is held, as its own mail
 * would have said it, with its reply and concern links and its calendar; and, at the run, one mail per contact
 * gathering the items, grouped by consultation, the consultation with the newest item first, with one calendar of
 * every consultation's events (each keeping its UID and SEQUENCE: of a consultation with several items, the newest
 * item's events, which replace the older ones).
 */
@Singleton
class DigestComposer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern COMPONENT = Pattern.compile("BEGIN:(VEVENT|VTIMEZONE)\r?\n.*?END:\\1\r?\n", Pattern.DOTALL);
    static final String CALENDAR_NAME = "weekly-summary.ics";
    /** What a digest's calendar event says instead of the consultation's summary. */
    static final String BRIEF = "The details and how to reply are in your weekly summary email.";

    private final NoticeComposer notices;
    private final Links links;
    private final String domain;

    DigestComposer(NoticeComposer notices, Links links, @Value("${tracker.mail.from:consultations@localhost}") String from) {
        this.notices = notices;
        this.links = links;
        this.domain = OutgoingMail.messageIdDomain(from);
    }

    /** What a held item says: its heading, text and HTML. */
    record Parts(String heading, String text, String html) {
    }

    /**
     * One item, complete: what it is, the dates, what is open to change, how to take part (a notice), what changed
     * (a change) or why (a withdrawal), whom to ask, and the reply link (to the reply page) and concern link of the
     * contact's notice
     * ({@code noticeId}). {@code lines}: the change's lines, or the withdrawal's reason.
     */
    Parts item(NoticeKind kind, NoticeContent c, String email, long noticeId, List<String> lines) {
        List<String[]> sections = new ArrayList<>();
        String heading;
        switch (kind) {
            case NOTICE -> {
                heading = "New consultation";
                sections.add(section(null, c.agencyName() + " would like you to take part in this consultation."));
                sections.add(section("What it is about", c.summary()));
                if (c.openToChange() != null) {
                    sections.add(section("What your views can change", c.openToChange()));
                }
                if (c.fixed() != null) {
                    sections.add(section("What is already decided", c.fixed()));
                }
                sections.add(section("When", when(c)));
                if (c.decisionDate() != null) {
                    sections.add(section("The decision", (c.decisionMaker() == null ? "The decision" : c.decisionMaker())
                            + " will decide on " + day(c.decisionDate()) + ", after hearing what people said."));
                }
                // where and how to respond, each meeting, as the notice itself says it (links in the HTML)
                String[] part = HowToTakePart.section(c, false);
                sections.add(new String[]{"How to take part", part[0], part[1]});
                sections.add(section("Help to take part", HowToTakePart.help(c)));
            }
            case CHANGE -> {
                heading = "Changed";
                sections.add(section(null, c.agencyName() + " has changed this consultation, which you were told about."));
                sections.add(section("What changed", String.join("\n", lines)));
                sections.add(section("When", when(c)));
                if (c.openToChange() != null) {
                    sections.add(section("What your views can change", c.openToChange()));
                }
            }
            case WITHDRAWAL -> {
                heading = "Withdrawn";
                sections.add(section(null, c.agencyName() + " has withdrawn this consultation. Nothing more is asked "
                        + "of you; its dates are taken out of the calendar attached."));
                sections.add(section("Why", lines.isEmpty() ? "No reason was given." : lines.get(0)));
            }
            default -> throw new IllegalArgumentException("A digest holds notices, changes and withdrawals, not " + kind);
        }
        sections.add(section("Questions", "Ask " + c.officerName() + " (" + c.officerEmail() + ")."));
        Map<String, String> answers = new LinkedHashMap<>();
        if (kind != NoticeKind.WITHDRAWAL) {
            // One link to the reply page, which offers the answers: sixty one-click links would bury a digest.
            answers.put("Reply to this notice (we will take part, not this time, or we need another format or "
                    + "language)", links.reply(noticeId, email));
        }
        answers.put("Something wrong (notice too late, a format that does not suit)? Raise a concern",
                links.concern(noticeId, email));
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        text.append(heading).append(" (").append(kindWords(kind)).append(")\n");
        html.append("<h3 style=\"font-size:17px\">").append(Html.escape(heading)).append("</h3>");
        for (String[] s : sections) {
            if (s.length > 2) { // a section with HTML of its own (links, lists), already escaped
                text.append(s[0]).append(":\n").append(s[1]).append('\n');
                html.append("<p><strong>").append(Html.escape(s[0])).append(":</strong></p>").append(s[2]);
                continue;
            }
            if (s[0] != null) {
                text.append(s[0]).append(": ");
                html.append("<p><strong>").append(Html.escape(s[0])).append(":</strong> ");
            } else {
                html.append("<p>");
            }
            text.append(s[1]).append('\n');
            html.append(Html.escape(s[1]).replace("\n", "<br>")).append("</p>");
        }
        text.append(kind == NoticeKind.WITHDRAWAL ? "" : "Reply:\n");
        html.append("<ul>");
        answers.forEach((label, url) -> {
            text.append("- ").append(label).append(": ").append(url).append('\n');
            html.append("<li><a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(label))
                    .append("</a></li>");
        });
        html.append("</ul>");
        return new Parts(heading, text.toString(), html.toString());
    }

    /**
     * The events an item's own mail would carry (of a withdrawal, the same events marked cancelled), each with a
     * {@link #brief brief} DESCRIPTION: the digest's text already says the rest.
     */
    String calendar(NoticeKind kind, NoticeContent c) {
        return brief(new String(notices.calendar(c, kind == NoticeKind.WITHDRAWAL), StandardCharsets.UTF_8));
    }

    /**
     * A calendar with each event's DESCRIPTION (the consultation's summary and how to respond, which the digest's
     * text holds in full) replaced by one sentence pointing to the weekly summary and to the consultation's public
     * page (the event's URL); every other line (UID, SEQUENCE, STATUS, the dates, LOCATION) as it was written. Twenty
     * items' calendars are then a fraction of the digest instead of half of it. Lines folded again at 75 octets.
     */
    static String brief(String calendar) {
        String unfolded = calendar.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "");
        Ics out = new Ics();
        String url = null;
        boolean described = false;
        for (String line : unfolded.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("BEGIN:VEVENT")) {
                url = null;
                described = false;
            } else if (line.startsWith("URL:")) {
                url = line.substring(4);
            } else if (line.startsWith("DESCRIPTION:") || line.startsWith("DESCRIPTION;")) {
                described = true;
                continue;
            } else if (line.equals("END:VEVENT") && described) {
                out.text("DESCRIPTION", BRIEF + (url == null ? "" : " The consultation: " + url));
            }
            out.line(line);
        }
        return out.toString();
    }

    /** The message id of a contact's digest: one of its own for each run that claims the contact's items. */
    String digestId(long organisationId, String email, String runKey) {
        return "digest-" + organisationId + "-" + runKey + "-" + NoticeComposer.contactHash(email) + "@" + domain;
    }

    /**
     * One contact's digest of {@code items} (those of one run, in the order they were held), dated {@code at}: grouped
     * by consultation, the consultation with the newest item first, each consultation's items in the order they came.
     */
    OutgoingMail digest(String messageId, long organisationId, String email, List<DigestItem> items, ZonedDateTime at) {
        Map<Long, List<DigestItem>> byConsultation = new LinkedHashMap<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            byConsultation.computeIfAbsent(items.get(i).consultationId(), k -> new ArrayList<>()).add(0, items.get(i));
        }
        String name = items.get(items.size() - 1).recipientName();
        int consultations = byConsultation.size();
        String subject = "Weekly summary, " + SHORT_DAY.format(at) + ": " + consultations
                + (consultations == 1 ? " consultation" : " consultations");
        String intro = "This is your weekly summary of the consultations you were told about since the last one: "
                + consultations + (consultations == 1 ? " consultation" : " consultations") + ", newest first, and "
                + items.size() + (items.size() == 1 ? " item" : " items") + " in all. The calendar attached ("
                + CALENDAR_NAME + ") has the dates of each: open it to add these dates to your calendar.";
        StringBuilder text = new StringBuilder("Dear " + name + ",\n\n" + intro + "\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject)).append("</title></head><body style=\"font-family:Arial,sans-serif;"
                        + "font-size:16px;line-height:1.5;color:#0b0c0c\"><p>Dear ").append(Html.escape(name))
                .append(",</p><p>").append(Html.escape(intro)).append("</p>");
        List<DigestItem> newestOfEach = new ArrayList<>();
        for (List<DigestItem> group : byConsultation.values()) {
            String title = group.get(group.size() - 1).title();
            text.append("== ").append(title).append(" ==\n\n");
            html.append("<h2 style=\"font-size:19px\">").append(Html.escape(title)).append("</h2>");
            for (DigestItem item : group) {
                text.append(item.textBody()).append('\n');
                html.append(item.htmlBody());
            }
            newestOfEach.add(group.get(group.size() - 1));
        }
        String unsubscribe = links.unsubscribe(organisationId, email);
        String preferences = links.preferences(organisationId, email);
        String calendarFeed = links.calendarFeed(organisationId, email);
        String footer = "You receive this weekly summary because " + name + " chose one mail a week. A notice that "
                + "could not wait until the next summary without cutting your notice period comes at once.";
        text.append("Your organisation's page (to have each mail as it happens, the mail you received, your replies "
                        + "and concerns; link valid for 30 days): ").append(preferences).append('\n')
                .append(OrganisationCalendar.FEED_LABEL).append(": ").append(calendarFeed).append('\n')
                .append("Stop these emails: ").append(unsubscribe).append("\n\n").append(footer).append('\n');
        html.append("<hr><p style=\"font-size:14px\"><a href=\"").append(Html.escape(preferences))
                .append("\">Your organisation's page and preferences</a> (to have each mail as it happens; link valid "
                        + "for 30 days) · <a href=\"").append(Html.escape(calendarFeed)).append("\">")
                .append(OrganisationCalendar.FEED_LABEL).append("</a> · <a href=\"").append(Html.escape(unsubscribe))
                .append("\">Stop these emails</a></p><p style=\"font-size:14px\">").append(Html.escape(footer))
                .append("</p></body></html>");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        OutgoingMail.Attachment calendar = new OutgoingMail.Attachment(CALENDAR_NAME,
                "text/calendar; method=PUBLISH; charset=UTF-8",
                merged(newestOfEach.stream().map(DigestItem::calendar).toList()).getBytes(StandardCharsets.UTF_8));
        return new OutgoingMail(messageId, "DIGEST", email, subject, text.toString(), html.toString(), List.of(calendar),
                headers, reference(organisationId));
    }

    /** The reference every digest to an organisation carries in the outbox. */
    static String reference(long organisationId) {
        return "digest:" + organisationId;
    }

    /**
     * One calendar of the events (and time zones, once each) of several: the first one's header (its PRODID and
     * VERSION, METHOD:PUBLISH), then every component as it was written.
     */
    static String merged(List<String> calendars) {
        if (calendars.isEmpty()) {
            return "";
        }
        String first = calendars.get(0);
        Matcher start = COMPONENT.matcher(first);
        int end = first.lastIndexOf("END:VCALENDAR");
        String header = start.find() ? first.substring(0, start.start()) : first.substring(0, Math.max(0, end));
        String newline = first.contains("\r\n") ? "\r\n" : "\n";
        Set<String> zones = new LinkedHashSet<>();
        List<String> events = new ArrayList<>();
        for (String calendar : calendars) {
            Matcher m = COMPONENT.matcher(calendar);
            while (m.find()) {
                (m.group(1).equals("VTIMEZONE") ? zones : events).add(m.group());
            }
        }
        // One calendar holds every item's events: it publishes them, a withdrawal's marked cancelled (STATUS), as
        // METHOD:CANCEL would take out the other items' events too.
        StringBuilder out = new StringBuilder(header.replace("METHOD:CANCEL", "METHOD:PUBLISH"));
        zones.forEach(out::append);
        events.forEach(out::append);
        return out.append("END:VCALENDAR").append(newline).toString();
    }

    /**
     * A notice or other mail that goes at once to a WEEKLY organisation, with the sentence that says why it did not
     * wait for the digest, after the greeting.
     */
    static OutgoingMail withReason(OutgoingMail mail, @Nullable String reason) {
        if (reason == null) {
            return mail;
        }
        String text = mail.text();
        int afterGreeting = text.indexOf("\n\n");
        text = afterGreeting < 0 ? reason + "\n\n" + text
                : text.substring(0, afterGreeting + 2) + reason + "\n\n" + text.substring(afterGreeting + 2);
        String html = mail.html();
        if (html != null) {
            int body = html.indexOf("<body");
            int greeting = html.indexOf("</p>", Math.max(0, body));
            String p = "<p><strong>" + Html.escape(reason) + "</strong></p>";
            html = greeting < 0 ? html : html.substring(0, greeting + 4) + p + html.substring(greeting + 4);
        }
        return new OutgoingMail(mail.messageId(), mail.category(), mail.to(), mail.subject(), text, html,
                mail.attachments(), mail.headers(), mail.reference());
    }

    private static String when(NoticeContent c) {
        return "It opens on " + day(c.opensOn()) + " and closes at the end of " + day(c.closesOn()) + ".";
    }

    private static String kindWords(NoticeKind kind) {
        return switch (kind) {
            case NOTICE -> "notice of a consultation";
            case CHANGE -> "a change to a consultation you were told about";
            case WITHDRAWAL -> "a consultation you were told about is withdrawn";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    static String day(@Nullable LocalDate date) {
        return date == null ? "a date still to be set" : DAY.format(date);
    }

    private static String[] section(@Nullable String heading, String body) {
        return new String[]{heading, body};
    }
}
