package org.compact.tracker.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Notice-like messages for the tests, and ways to look inside what arrived. */
final class Mails {
    static final String ICS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Compact//Consultation tracker//EN\r
            METHOD:PUBLISH\r
            BEGIN:VEVENT\r
            UID:consultation-12@tracker.example\r
            DTSTAMP:20261123T100000Z\r
            DTSTART;VALUE=DATE:20270104\r
            DTEND;VALUE=DATE:20270329\r
            SUMMARY:Consultation: Café opening hours – libraries\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;
    static final String ICS_TYPE = "text/calendar; method=PUBLISH; charset=UTF-8";

    private Mails() {
    }

    /** A notice to {@code to} with text, HTML, an .ics attachment and a List-Unsubscribe header. */
    static OutgoingMail notice(String messageId, String to, String reference) {
        return new OutgoingMail(messageId, "NOTICE", to,
                "Consultation notice: Café opening hours – " + messageId,
                "Dear partner,\n\nA consultation opens on 4 January 2027 (" + messageId + ").\n",
                "<p>Dear partner,</p><p>A consultation opens on <b>4 January 2027</b> (" + messageId + ").</p>",
                List.of(new OutgoingMail.Attachment("consultation.ics", ICS_TYPE, ICS.getBytes(StandardCharsets.UTF_8))),
                Map.of("List-Unsubscribe", "<https://tracker.example/unsubscribe/abc>"), reference);
    }

    static String messageId(MimeMessage message) throws MessagingException {
        return message.getHeader("Message-ID", null);
    }

    /** Every leaf part of the message, depth first. */
    static List<Part> leaves(Part part) throws MessagingException, IOException {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    static Part leaf(Part message, String mimeType) throws MessagingException, IOException {
        for (Part p : leaves(message)) {
            if (p.isMimeType(mimeType)) {
                return p;
            }
        }
        throw new AssertionError("No " + mimeType + " part");
    }

    static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
