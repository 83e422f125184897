package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Dates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the mails organisations receive, in clear language: what is being decided, what can still change and what
 * cannot, when, how to take part, what help is offered, and whom to ask. Plain text and HTML (every value escaped),
 * with an RFC 5545 calendar of the key dates, and one-click links that need no password.
 */
@Singleton
class NoticeComposer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Links links;
    private final Clock clock;
    private final String domain;
    private final String fromAddress;

    NoticeComposer(Links links, Clock clock, @Value("${tracker.mail.from:consultations@localhost}") String from) {
        this.links = links;
        this.clock = clock;
        this.fromAddress = from.replaceAll(".*<|>.*", "").trim();
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
        sections.add(section("When", "It opens on " + day(c.opensOn()) + " and closes at the end of "
                + day(c.closesOn()) + "."));
        sections.add(section("How to take part", words(c.methods())
                + (c.venues().isEmpty() ? "" : ". Where: " + String.join("; ", c.venues()))));
        String help = (c.provisions().isEmpty() ? "" : "We offer: " + words(c.provisions()) + ". ")
                + (c.languages().isEmpty() ? "" : "Languages: " + String.join(", ", c.languages()) + ". ")
                + "Ask " + c.officerName() + " (" + c.officerEmail() + ") for an accessible format, another language "
                + "or help with travel costs.";
        sections.add(section("Help to take part", help));
        Map<String, String> answers = new LinkedHashMap<>();
        String replyLink = links.reply(deliveryId, email);
        for (Reply reply : Reply.values()) {
            answers.put(reply.label(), replyLink + "&answer=" + reply.name());
        }
        answers.put("Something wrong (notice too late, a format that does not suit)? Raise a concern",
                links.concern(deliveryId, email));
        String unsubscribe = links.unsubscribe(r.organisationId(), email);
        String preferences = links.preferences(r.organisationId(), email);
        String subject = "Consultation notice: " + c.title() + " (opens " + c.opensOn() + ")";
        return TranslatedNotice.atTop(mail(messageId, "NOTICE", email, subject, r.name(), sections, answers, unsubscribe,
                preferences, links.calendarFeed(r.organisationId(), email), List.of(calendarAttachment(c, false)), c),
                c.translations(), r.languages());
    }

    OutgoingMail change(NoticeContent c, Recipient r, String email, String messageId, List<String> changes) {
        List<String[]> sections = new ArrayList<>();
        sections.add(section(null, c.consulting() + " has changed the consultation " + c.title()
                + " that you were told about."));
        sections.add(section("What changed", String.join("\n", changes)));
        sections.add(section("When", "It opens on " + day(c.opensOn()) + " and closes at the end of "
                + day(c.closesOn()) + "."));
        return mail(messageId, "CHANGE", email, "Change to a consultation: " + c.title(), r.name(), sections, Map.of(),
                links.unsubscribe(r.organisationId(), email), links.preferences(r.organisationId(), email),
                links.calendarFeed(r.organisationId(), email), List.of(calendarAttachment(c, false)), c);
    }

    OutgoingMail withdrawal(NoticeContent c, Recipient r, String email, String messageId, String reason) {
        List<String[]> sections = List.of(
                section(null, c.consulting() + " has withdrawn the consultation " + c.title() + "."),
                section("Why", reason),
                section("Questions", "Ask " + c.officerName() + " (" + c.officerEmail() + ")."));
        return mail(messageId, "WITHDRAWAL", email, "Withdrawn: " + c.title(), r.name(), sections, Map.of(),
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
        return mail(messageId, "FEEDBACK", to, "Feedback: " + c.title(), greetingName, sections, answers,
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
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><body style=\"font-family:Arial,sans-serif;"
                + "font-size:16px;line-height:1.5;color:#0b0c0c\"><p>Dear " + Html.escape(greetingName) + ",</p>");
        for (String[] s : sections) {
            if (s[0] != null) {
                text.append(s[0]).append('\n');
                html.append("<h2 style=\"font-size:19px\">").append(Html.escape(s[0])).append("</h2>");
            }
            text.append(s[1]).append("\n\n");
            html.append("<p>").append(Html.escape(s[1]).replace("\n", "<br>")).append("</p>");
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
        return new OutgoingMail(messageId, category, to, subject, text.toString(), html.toString(), attachments,
                headers, reference(c.consultationId()));
    }

    /** The calendar a notice, change or ({@code cancelled}) withdrawal carries, as the attachment mail programs open. */
    private OutgoingMail.Attachment calendarAttachment(NoticeContent c, boolean cancelled) {
        return new OutgoingMail.Attachment("consultation-" + c.consultationId() + ".ics",
                "text/calendar; method=PUBLISH; charset=UTF-8", calendar(c, cancelled));
    }

    /**
     * The consultation period and its key dates as an RFC 5545 calendar (all-day events): of a notice or a change,
     * or ({@code cancelled}) of a withdrawal, the same events (the same UIDs),
     * marked cancelled, so that calendar programs take them out. Every event carries the consultation's revision as
     * its SEQUENCE, so a later mail's events replace an earlier one's even when the mails arrive out of order, and is
     * transparent: a twelve-week consultation must not show its contacts as busy.
     */
    byte[] calendar(NoticeContent c, boolean cancelled) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Local Compact//Consultation tracker//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        String url = links.base() + "/api/consultations/" + c.consultationId();
        // A date no calendar can read (saved before dates were held to 1900-2100) leaves its events out.
        if (c.opensOn() != null && c.closesOn() != null && Dates.printable(c.opensOn())
                && Dates.printable(c.closesOn().plusDays(1))) {
            calendar.add(event(c, cancelled, "period", c.opensOn(), c.closesOn().plusDays(1),
                    "Consultation open: " + c.title(), c.summary(), url));
            calendar.add(event(c, cancelled, "closes", c.closesOn(), c.closesOn().plusDays(1),
                    "Last day to respond: " + c.title(), "Responses close at the end of the day.", url));
        }
        if (c.decisionDate() != null && Dates.printable(c.decisionDate().plusDays(1))) {
            calendar.add(event(c, cancelled, "decision", c.decisionDate(), c.decisionDate().plusDays(1),
                    "Decision: " + c.title(), "Decision by " + (c.decisionMaker() == null ? "the agency" : c.decisionMaker()) + ".", url));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the calendar", e);
        }
        return out.toByteArray();
    }

    private VEvent event(NoticeContent c, boolean cancelled, String key, LocalDate start, LocalDate endExclusive,
                         String summary, String description, String url) {
        VEvent event = new VEvent(start, endExclusive, (cancelled ? "Withdrawn: " : "") + summary);
        event.add(new Uid(eventUid(c.consultationId(), key)));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, c.revision())));
        event.add(ImmutableTransp.TRANSPARENT);
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.replace(new DtStamp(clock.instant()));
        event.add(new net.fortuna.ical4j.model.property.Organizer(URI.create("mailto:" + fromAddress)));
        event.add(new Description(description));
        event.add(new Url(URI.create(url)));
        return event;
    }

    /**
     * The UID of one of a consultation's calendar events ({@code key}: period, closes, decision …): the same in every
     * mail and in the organisation's own feed ({@link OrganisationCalendar}), so calendar programs replace, not add.
     */
    String eventUid(long consultationId, String key) {
        return "consultation-" + consultationId + "-" + key + "@" + domain;
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
