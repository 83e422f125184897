package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.compact.tracker.support.Text;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Builds the one MIME form of an outgoing message, for SMTP and for .eml files alike:
 * {@code multipart/mixed} holding a {@code multipart/alternative} (text/plain, and text/html when there is HTML),
 * then the attachments (base64, so a calendar's bytes arrive exactly as they were queued). The Message-ID is the
 * queued one, never one Jakarta Mail makes up, so a message sent twice after a crash is recognisably the same.
 */
final class MimeMessages {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        pinStreamProvider();
    }

    private MimeMessages() {
    }

    /**
     * Jakarta Mail 2.1 looks its StreamProvider up through the ServiceLoader for every body part, header block and
     * encoder, scanning every jar of the class path each time: about a third of the CPU spent on a notice. Naming
     * Angus Mail's provider in the system property it reads first turns that into a class lookup. Left alone if set.
     */
    static void pinStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            try {
                Class.forName(ANGUS_STREAM_PROVIDER, false, MimeMessages.class.getClassLoader());
                System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // Another Jakarta Mail implementation: keep the ServiceLoader lookup.
            }
        }
    }

    /**
     * The message from {@code from}, dated {@code date}. A recipient that is not one valid address fails with an
     * {@link jakarta.mail.internet.AddressException}; anything else that cannot be built with {@link Unbuildable}.
     * Both are permanent: sending again would not help.
     */
    static MimeMessage build(Session session, InternetAddress from, OutgoingMail mail, Instant date)
            throws MessagingException {
        return build(session, from, mail, date, MailSender.BeforeAccept.NONE);
    }

    /**
     * As {@link #build(Session, InternetAddress, OutgoingMail, Instant)}, calling {@code beforeAccept} each time the
     * whole message has been written out (SMTP: before the end of data, which is when the server accepts it).
     */
    static MimeMessage build(Session session, InternetAddress from, OutgoingMail mail, Instant date,
                             MailSender.BeforeAccept beforeAccept) throws MessagingException {
        InternetAddress to = new InternetAddress(mail.to().strip(), true);
        try {
            MimeMessage message = new FixedIdMimeMessage(session, mail.messageId(), beforeAccept);
            message.setFrom(named(from, mail.headers().get(OutgoingMail.FROM_NAME)));
            message.setRecipient(Message.RecipientType.TO, to);
            InternetAddress replyTo = replyTo(mail.headers());
            if (replyTo != null) {
                message.setReplyTo(new InternetAddress[]{replyTo});
            }
            message.setSubject(oneLine(mail.subject()), UTF_8);
            message.setSentDate(Date.from(date));
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                if (NOT_WRITTEN.contains(header.getKey())) {
                    continue;
                }
                message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2,
                        MimeUtility.encodeText(oneLine(header.getValue()), UTF_8, null)));
            }

            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text() == null ? "" : mail.text(), UTF_8, "plain");
            alternative.addBodyPart(text);
            if (mail.html() != null && !mail.html().isBlank()) {
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html(), UTF_8, "html");
                alternative.addBodyPart(html);
            }
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);

            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                        attachment.contentType())));
                part.setFileName(attachment.filename());
                part.setDisposition(Part.ATTACHMENT);
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            throw new Unbuildable("Message " + mail.messageId() + " cannot be built: " + e.getMessage(), e);
        }
    }

    private static final java.util.Set<String> NOT_WRITTEN =
            java.util.Set.of(OutgoingMail.FROM_NAME, OutgoingMail.REPLY_TO, OutgoingMail.REPLY_TO_NAME);

    /** {@code address} with the display name {@code name} (encoded as RFC 2047 needs), or as it is without one. */
    static InternetAddress named(InternetAddress address, @Nullable String name) throws UnsupportedEncodingException {
        if (name == null || oneLine(name).isBlank()) {
            return address;
        }
        return new InternetAddress(address.getAddress(), oneLine(name).strip(), UTF_8);
    }

    /** The Reply-To address the headers ask for, named; null when none, or when it is not one valid address. */
    @Nullable
    static InternetAddress replyTo(Map<String, String> headers) throws UnsupportedEncodingException {
        String address = headers.get(OutgoingMail.REPLY_TO);
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return named(new InternetAddress(oneLine(address).strip(), true), headers.get(OutgoingMail.REPLY_TO_NAME));
        } catch (jakarta.mail.internet.AddressException e) {
            return null; // a lead officer's address that cannot be written leaves replies to the sender
        }
    }

    /**
     * A header value on one line: line breaks and other control characters become spaces (no header injection from
     * a title), and invisible or bidirectional formatting is dropped (a subject cannot read backwards), whatever text
     * was saved before the fields refused them.
     */
    static String oneLine(String value) {
        return Text.oneLine(value);
    }

    /** Thrown when a queued message cannot be turned into MIME: a permanent failure. */
    static final class Unbuildable extends MessagingException {
        Unbuildable(String message, Exception cause) {
            super(message, cause);
        }
    }

    /** A message that keeps the queued Message-ID when it is saved, and waits as told once it is written out. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;
        private final MailSender.BeforeAccept beforeAccept;

        FixedIdMimeMessage(Session session, String messageId, MailSender.BeforeAccept beforeAccept) {
            super(session);
            this.messageId = messageId;
            this.beforeAccept = beforeAccept;
        }

        /** Angus Mail's SMTP transport writes the message with this, then the end of data ("."), then reads the reply. */
        @Override
        public void writeTo(java.io.OutputStream os, String[] ignoreList) throws java.io.IOException, MessagingException {
            super.writeTo(os, ignoreList);
            os.flush();
            beforeAccept.await();
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
