package org.compact.tracker.mail;

import jakarta.mail.MessagingException;

import java.time.Instant;

/**
 * Hands messages to the world: {@link SmtpMailSender} to an SMTP server, {@link FileMailSender} to .eml files when
 * no SMTP host is set. Only {@link MailRelay} uses it; the rest of the service queues mail in the {@link Outbox}.
 */
public interface MailSender {

    /**
     * Opens a connection for a batch: one SMTP connection kept open for every message of the batch. Fails with
     * {@link Unreachable} (or Angus Mail's {@code MailConnectException}) when the server cannot be reached.
     */
    Connection open() throws MessagingException;

    /** Where mail goes, for logs: "SMTP mail.example.org:587 (STARTTLS)", "files in ./data/mail". */
    String describe();

    /** A connection open for a batch. Not thread-safe. */
    interface Connection extends AutoCloseable {
        /**
         * Sends one message dated {@code date}; returns once the server accepted it. A failure says, by its type,
         * whether trying again could help (see {@link MailFailures}).
         */
        void send(OutgoingMail mail, Instant date) throws MessagingException;

        /**
         * Sends one message as {@link #send(OutgoingMail, Instant)} does, calling {@code beforeAccept} at the last
         * moment before the server could accept it: an SMTP sender has written the whole message and not yet the end
         * of data, so if {@code beforeAccept} throws, the server drops the message and never delivers it. This one
         * calls it first and then sends; {@link SmtpMailSender} holds the end of data instead, so the wait overlaps
         * the writing of the message.
         */
        default void send(OutgoingMail mail, Instant date, BeforeAccept beforeAccept) throws MessagingException {
            try {
                beforeAccept.await();
            } catch (java.io.IOException e) {
                throw new MessagingException("Not sent: " + e.getMessage(), e);
            }
            send(mail, date);
        }

        /** Closes the connection; never fails. */
        @Override
        void close();
    }

    /**
     * What a sender calls just before the server could accept a message. The relay waits there for the outcome of
     * the previous message to be written, so that at most one message is ever accepted and not yet recorded.
     */
    @FunctionalInterface
    interface BeforeAccept {
        BeforeAccept NONE = () -> { };

        /** Returns when the message may be accepted; throws to abandon it before the server accepts it. */
        void await() throws java.io.IOException;
    }

    /** The server cannot be reached (or keeps dropping the connection): stop the batch and try later. */
    class Unreachable extends MessagingException {
        public Unreachable(String message, Exception cause) {
            super(message, cause);
        }
    }
}
