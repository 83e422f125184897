package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Wording;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the mails organisations receive, in clear language: what is being decided, what can still change and what
 * cannot, when, where and how to respond ({@link HowToTakePart}), what help is offered (only what the consultation
 * gives), and whom to ask. Plain text and HTML (every value escaped, a head with the subject as title), from the
 * agency by name with Reply-To the lead officer, under a short subject with dates in words, with the RFC 5545 calendar
 * of {@link EventCalendar} that the text names, and one-click links that need no password.
 */
@Singleton
class NoticeComposer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** The longest subject: inbox lists show about this much. */
    static final int SUBJECT_LENGTH = 78;

    private final Links links;
    private final EventCalendar calendars;
    private final String domain;

    NoticeComposer(Links links, EventCalendar calendars,
                   @Value("${tracker.mail.from:consultations@localhost}") String from) {
        this.links = links;
        this.calendars = calendars;
        this.domain = OutgoingMail.messageIdDomain(from);
    }

    String messageId(String kind, long consultationId, @Nullable Object key, long organisationId, String email) {
        String contact = contactHash(email);
        return kind.toLowerCase(Locale.ROOT) + "-" + consultationId + (key == null ? "" : "-" + key) + "-"
                + organisationId + "-" + contact + "@" + domain;
    }

    /**
     * The message id of an alert to an officer or a compliance contact, once per consultation, kind, due key and
     * address. Like every id the service makes it ends in the service's own mail domain, never the recipient's, which
     * may be long or internationalised (not allowed in a Message-ID).
     */
    String alertId(String kind, long consultationId, String dueKey, String email) {
        return "alert-" + kind.toLowerCase(Locale.ROOT) + "-" + consultationId + "-" + dueKey + "-" + contactHash(email)
                + "@" + domain;
    }

    /** The message id of a participant's feedback mail; each begins with {@link #participantFeedbackPrefix}. */
    String participantFeedbackId(long consultationId, long participantId, String email) {
        return messageId(NoticeKind.FEEDBACK.name(), consultationId, "p" + participantId, 0, email);
    }

    /** How the message id of every participant's feedback mail about the consultation begins. */
    String participantFeedbackPrefix(long consultationId) {
        return NoticeKind.FEEDBACK.name().toLowerCase(Locale.ROOT) + "-" + consultationId + "-p";
    }

    /** The reference every mail about the consultation carries in the outbox. */
    static String reference(long consultationId) {
        return "consultation:" + consultationId;
    }

    OutgoingMail notice(NoticeContent c, Recipient r, String email, String messageId, long deliveryId) {
        List<String[]> sections = new ArrayList<>();
        sections.add(section(null, c.consulting() + " would like " + r.name() + " to take part in a consultation: "
                + c.title() + "."));
        if (c.joint()) {
            sections.add(section("Who is consulting", "This is a joint consultation of " + c.agencyName()
                    + " (which leads it) with " + NoticeContent.and(c.partnerNames())
                    + ". This one notice comes from all of them: you will not be asked twice."));
        }
        sections.add(section("What it is about", c.summary()));
        if (c.openToChange() != null) {
            sections.add(section("What your views can change", c.openToChange()));
        }
        if (c.fixed() != null) {
            sections.add(section("What is already decided", c.fixed()));
        }
        if (c.decisionDate() != null) {
            sections.add(section("The decision", (c.decisionMaker() == null ? "The decision" : c.decisionMaker())
                    + " will decide on " + day(c.decisionDate()) + ", after hearing what people said."));
        }
        sections.add(when(c));
        sections.add(howToTakePart(c));
        sections.add(section("Help to take part", HowToTakePart.help(c)));
        Map<String, String> answers = new LinkedHashMap<>();
        String replyLink = links.reply(deliveryId, email);
        for (Reply reply : Reply.values()) {
            answers.put(reply.label(), replyLink + "&answer=" + reply.name());
        }
        answers.put("Something wrong (notice too late, a format that does not suit)? Raise a concern",
                links.concern(deliveryId, email));
        String unsubscribe = links.unsubscribe(r.organisationId(), email);
        String preferences = links.preferences(r.organisationId(), email);
        String subject = subject("Consultation notice: ", c.title(), c.opensOn() == null ? ""
                : ", opens " + Wording.day(c.opensOn()));
        return TranslatedNotice.atTop(mail(messageId, "NOTICE", email, subject, r.name(), sections, answers, unsubscribe,
                preferences, links.calendarFeed(r.organisationId(), email), List.of(calendarAttachment(c, false)), c),
                c.translations(), r.languages());
    }

    /** The subject: {@code prefix}, the title (shortened to fit) and {@code suffix}, at most {@link #SUBJECT_LENGTH}. */
    static String subject(String prefix, String title, String suffix) {
        int room = SUBJECT_LENGTH - prefix.length() - suffix.length();
        String t = title.strip();
        if (t.codePointCount(0, t.length()) > room) {
            int cut = t.offsetByCodePoints(0, Math.max(1, room - 1));
            t = t.substring(0, cut).strip() + "…";
        }
        return prefix + t + suffix;
    }

    private static String[] when(NoticeContent c) {
        return section("When", "It opens on " + day(c.opensOn()) + " and closes at the end of "
                + day(c.closesOn()) + ".");
    }

    private static String[] howToTakePart(NoticeContent c) {
        String[] part = HowToTakePart.section(c);
        return new String[]{"How to take part", part[0], part[1]};
    }

    OutgoingMail change(NoticeContent c, Recipient r, String email, String messageId, List<String> changes) {
        List<String[]> sections = new ArrayList<>();
        sections.add(section(null, c.consulting() + " has changed the consultation " + c.title()
                + " that you were told about."));
        sections.add(section("What changed", String.join("\n", changes)));
        sections.add(when(c));
        sections.add(howToTakePart(c));
        sections.add(section("Questions", "Ask " + c.officerName() + " (" + c.officerEmail() + ")."));
        return mail(messageId, "CHANGE", email, subject("Change to a consultation: ", c.title(), ""), r.name(),
                sections, Map.of(),
                links.unsubscribe(r.organisationId(), email), links.preferences(r.organisationId(), email),
                links.calendarFeed(r.organisationId(), email), List.of(calendarAttachment(c, false)), c);
    }

    OutgoingMail withdrawal(NoticeContent c, Recipient r, String email, String messageId, String reason) {
        List<String[]> sections = List.of(
                section(null, c.consulting() + " has withdrawn the consultation " + c.title() + "."),
                section("Why", reason),
                section("Questions", "Ask " + c.officerName() + " (" + c.officerEmail() + ")."),
                section("Your calendar", "Open the attached file " + EventCalendar.fileName(c.consultationId())
                        + " to take this consultation's dates out of your calendar."));
        return mail(messageId, "WITHDRAWAL", email, subject("Withdrawn: ", c.title(), ""), r.name(), sections, Map.of(),
                links.unsubscribe(r.organisationId(), email), links.preferences(r.organisationId(), email),
                links.calendarFeed(r.organisationId(), email), List.of(calendarAttachment(c, true)), c);
    }

    /**
     * The feedback ("you said, we did"). An organisation's copy carries the link to raise a concern about it (the
     * same form as from its notice) and its page; a participant's copy ({@code preferences} and {@code concernLink}
     * null) has only the link that withdraws their consent.
     */
    OutgoingMail feedback(NoticeContent c, FeedbackContent f, String greetingName, String to, String messageId,
                          String unsubscribeOrWithdraw, @Nullable String preferences, @Nullable String concernLink,
                          @Nullable String calendarFeed) {
        List<String[]> sections = new ArrayList<>();
        sections.add(section(null, "Thank you for your interest in " + c.title() + ". This is what we heard, "
                + "what " + c.consulting() + " decided, and why."));
        sections.add(section("You said", f.youSaid()));
        sections.add(section("We did", f.weDid()));
        String outcome = switch (f.outcome()) {
            case "CHANGED" -> "The decision changed because of what people said.";
            case "PARTLY_CHANGED" -> "Part of the decision changed because of what people said.";
            default -> "The decision did not change.";
        };
        sections.add(section("The outcome", outcome + (f.reasons() == null ? "" : " " + f.reasons())));
        if (!f.actions().isEmpty()) {
            sections.add(section("What happens next", String.join("\n", f.actions())));
        }
        if (f.decidedOn() != null) {
            sections.add(section("The decision", "Decided on " + day(f.decidedOn())
                    + (c.decisionMaker() == null ? "." : " by " + c.decisionMaker() + ".")));
        }
        if (f.reportUrl() != null) {
            sections.add(section("The full report", f.reportUrl()));
        }
        sections.add(section("Questions", "Ask " + c.officerName() + " (" + c.officerEmail() + ")."));
        Map<String, String> answers = concernLink == null ? Map.of() : Map.of(
                "Does this not answer what you said, or leave something out? Raise a concern", concernLink);
        return mail(messageId, "FEEDBACK", to, subject("Feedback: ", c.title(), ""), greetingName, sections, answers,
                unsubscribeOrWithdraw, preferences, calendarFeed, List.of(), c);
    }

    /** An alert to officers (not to organisations): no unsubscribe, no calendar. */
    OutgoingMail alert(String messageId, String to, String subject, String text) {
        return new OutgoingMail(messageId, "ALERT", to, subject, text, null, List.of(), Map.of(), null);
    }

    /**
     * One mail, as text and HTML. {@code preferences} is the organisation's page; null for a person who took part,
     * whose only link ({@code unsubscribe}) withdraws their consent to hear back.
     */
    private OutgoingMail mail(String messageId, String category, String to, String subject, String greetingName,
                              List<String[]> sections, Map<String, String> answers, String unsubscribe,
                              @Nullable String preferences, @Nullable String calendarFeed,
                              List<OutgoingMail.Attachment> attachments, NoticeContent c) {
        StringBuilder text = new StringBuilder("Dear " + greetingName + ",\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(subject)
                + "</title></head><body style=\"font-family:Arial,sans-serif;"
                + "font-size:16px;line-height:1.5;color:#0b0c0c\"><p>Dear " + Html.escape(greetingName) + ",</p>");
        for (String[] s : sections) {
            if (s[0] != null) {
                text.append(s[0]).append('\n');
                html.append("<h2 style=\"font-size:19px\">").append(Html.escape(s[0])).append("</h2>");
            }
            text.append(s[1]).append("\n\n");
            // a section may come with its own HTML (links, lists); otherwise its text, escaped
            html.append(s.length > 2 ? s[2] : "<p>" + Html.escape(s[1]).replace("\n", "<br>") + "</p>");
        }
        if (!answers.isEmpty()) {
            // A notice is answered in one click; elsewhere the links only lead to a form (a concern).
            String heading = "NOTICE".equals(category) ? "Reply in one click" : "Something wrong?";
            text.append(heading).append('\n');
            html.append("<h2 style=\"font-size:19px\">").append(heading).append("</h2><ul>");
            answers.forEach((label, url) -> {
                text.append(label).append(": ").append(url).append('\n');
                html.append("<li><a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(label)).append("</a></li>");
            });
            text.append('\n');
            html.append("</ul>");
        }
        if (preferences != null) {
            String footer = "You receive this because " + greetingName + " is in the shared directory of organisations "
                    + "of the local Compact. Reference: consultation " + c.consultationId() + ".";
            text.append("Your organisation's page (the mail you received, your replies and concerns, what you want to "
                            + "hear about; link valid for 30 days): ")
                    .append(preferences).append('\n')
                    .append(calendarFeed == null ? "" : OrganisationCalendar.FEED_LABEL + ": " + calendarFeed + "\n")
                    .append("Stop these emails: ").append(unsubscribe).append("\n\n").append(footer).append('\n');
            html.append("<hr><p style=\"font-size:14px\"><a href=\"").append(Html.escape(preferences))
                    .append("\">Your organisation's page and preferences</a> (link valid for 30 days) · ")
                    .append(calendarFeed == null ? "" : "<a href=\"" + Html.escape(calendarFeed) + "\">"
                            + OrganisationCalendar.FEED_LABEL + "</a> · ")
                    .append("<a href=\"")
                    .append(Html.escape(unsubscribe)).append("\">Stop these emails</a></p><p style=\"font-size:14px\">")
                    .append(Html.escape(footer)).append("</p></body></html>");
        } else {
            // A person who took part (not an organisation of the directory): one link, which withdraws their consent.
            String footer = "You receive this because you took part in this consultation and asked to hear what came "
                    + "of it. Reference: consultation " + c.consultationId() + ".";
            text.append("Hear no more about this consultation: ").append(unsubscribe).append("\n\n").append(footer)
                    .append('\n');
            html.append("<hr><p style=\"font-size:14px\"><a href=\"").append(Html.escape(unsubscribe))
                    .append("\">Hear no more about this consultation</a></p><p style=\"font-size:14px\">")
                    .append(Html.escape(footer)).append("</p></body></html>");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        // From the agency by name; Reply answers the lead officer, not the no-reply sender
        headers.put(OutgoingMail.FROM_NAME, c.agencyName());
        if (c.officerEmail() != null && !c.officerEmail().isBlank()) {
            headers.put(OutgoingMail.REPLY_TO, c.officerEmail());
            headers.put(OutgoingMail.REPLY_TO_NAME, c.officerName());
        }
        return new OutgoingMail(messageId, category, to, subject, text.toString(), html.toString(), attachments,
                headers, reference(c.consultationId()));
    }

    /** The calendar a notice, change or ({@code cancelled}) withdrawal carries, as the attachment mail programs open. */
    private OutgoingMail.Attachment calendarAttachment(NoticeContent c, boolean cancelled) {
        return new OutgoingMail.Attachment(EventCalendar.fileName(c.consultationId()),
                EventCalendar.contentType(cancelled), calendars.write(c, cancelled));
    }

    /** A consultation's calendar as a mail about it carries it ({@code cancelled}: of its withdrawal). */
    byte[] calendar(NoticeContent c, boolean cancelled) {
        return calendars.write(c, cancelled);
    }

    /**
     * The UID of one of a consultation's calendar events ({@code key}: period, closes, decision …): the same in every
     * mail and in the organisation's own feed ({@link OrganisationCalendar}), so calendar programs replace, not add.
     */
    String eventUid(long consultationId, String key) {
        return calendars.uid(consultationId, key);
    }

    private static String[] section(@Nullable String heading, String body) {
        return new String[]{heading, body};
    }

    private static String day(@Nullable LocalDate date) {
        return date == null ? "a date still to be set" : DAY.format(date);
    }

    /** ONLINE_SURVEY, PUBLIC_MEETING → "online survey, public meeting". */
    static String words(List<String> codes) {
        if (codes.isEmpty()) {
            return "to be announced";
        }
        List<String> words = codes.stream().map(s -> s.toLowerCase(Locale.ROOT).replace('_', ' ')).toList();
        String joined = String.join(", ", words);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** A short, stable, collision-resistant stand-in for an address in a Message-ID (which must not reveal it). */
    static String contactHash(String email) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
