package org.compact.tracker.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;

/** Reading the parts of a received mail in tests: the plain text, the HTML, an attachment. */
public final class MailParts {
    private MailParts() {
    }

    /** The text/plain part (or the whole body of a single-part message). */
    public static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof Multipart multipart) {
            BodyPart p = find(multipart, "text/plain");
            return p == null ? "" : p.getContent().toString();
        }
        return content.toString();
    }

    /** The first part of this type, as text, or null. */
    public static String part(MimeMessage m, String type) throws Exception {
        BodyPart p = find((Multipart) m.getContent(), type);
        return p == null ? null : p.getContent().toString();
    }

    /** The bytes of the first part of this type. */
    public static byte[] attachment(MimeMessage m, String type) throws Exception {
        BodyPart p = find((Multipart) m.getContent(), type);
        try (InputStream in = p.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The first part of this type, searching nested multiparts depth first, or null. */
    public static BodyPart find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart p = multipart.getBodyPart(i);
            if (p.isMimeType(type)) {
                return p;
            }
            if (p.getContent() instanceof Multipart inner) {
                BodyPart found = find(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
