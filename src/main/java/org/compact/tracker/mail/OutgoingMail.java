package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A message to queue. {@code messageId} is stable for what the message is (e.g. consultation, contact, kind), so a
 * message re-sent after a crash carries the same {@code Message-ID} and the outbox refuses a second copy of it.
 *
 * @param messageId   the RFC 5322 Message-ID without angle brackets, unique in the outbox
 * @param category    what kind of mail it is, for counts and logs (e.g. NOTICE, CHANGE, REMINDER)
 * @param to          one recipient address
 * @param headers     extra headers (List-Unsubscribe, List-Unsubscribe-Post, …); {@link #REPLY_TO} an address,
 *                    and {@link #FROM_NAME}, {@link #REPLY_TO_NAME} display names for the From and Reply-To addresses
 * @param reference   the caller's reference, e.g. "consultation:12", for finding a consultation's mail
 */
public record OutgoingMail(
        String messageId,
        String category,
        String to,
        String subject,
        String text,
        @Nullable String html,
        List<Attachment> attachments,
        Map<String, String> headers,
        @Nullable String reference) {

    /** A header that is not written: the display name of the sender, beside the configured address. */
    public static final String FROM_NAME = "X-Tracker-From-Name";
    /** The address replies go to (one address, e.g. the lead officer's). */
    public static final String REPLY_TO = "Reply-To";
    /** A header that is not written: the display name of {@link #REPLY_TO}. */
    public static final String REPLY_TO_NAME = "X-Tracker-Reply-To-Name";

    /**
     * The domain the service's Message-IDs end in: the part of the sender address {@code from} after its '@'
     * ({@code tracker.mail.from}, possibly with a display name), or "localhost" for a sender without one.
     */
    public static String messageIdDomain(String from) {
        return from.contains("@") ? from.substring(from.indexOf('@') + 1).replace(">", "").trim() : "localhost";
    }

    /** A file sent with the message, e.g. the consultation's calendar (text/calendar). */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
