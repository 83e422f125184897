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

        /** Closes the connection; never fails. */
        @Override
        void close();
    }

    /** The server cannot be reached (or keeps dropping the connection): stop the batch and try later. */
    class Unreachable extends MessagingException {
        public Unreachable(String message, Exception cause) {
            super(message, cause);
        }
    }
}
