package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Sends over SMTP with Angus Mail, one connection kept open for a whole batch (a connection per message is ~50
 * times slower). Its own {@link Session} with explicit timeouts: without them a stalled server hangs the relay.
 */
public class SmtpMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailSender.class);

    private final Settings settings;
    private final InternetAddress from;
    private final Session session;

    /**
     * @param ssl      implicit TLS from the first byte (port 465)
     * @param starttls upgrade a plain connection with STARTTLS, and refuse to go on without it
     */
    public record Settings(String host, int port, @Nullable String username, @Nullable String password,
                           boolean starttls, boolean ssl, Duration connectTimeout, Duration readTimeout,
                           Duration writeTimeout) {
        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", username=" + username + ", starttls=" + starttls
                    + ", ssl=" + ssl + ", timeouts=" + connectTimeout + "/" + readTimeout + "/" + writeTimeout + "]";
        }
    }

    public SmtpMailSender(Settings settings, InternetAddress from) {
        this.settings = settings;
        this.from = from;
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.from", from.getAddress());
        p.setProperty("mail.smtp.quitwait", "false");
        if (settings.username() != null && !settings.username().isBlank()) {
            p.setProperty("mail.smtp.auth", "true");
        }
        if (settings.starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.ssl()) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (settings.ssl() || settings.starttls()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public Connection open() throws MessagingException {
        return new SmtpConnection(connect());
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        try {
            String user = settings.username() == null || settings.username().isBlank() ? null : settings.username();
            transport.connect(settings.host(), settings.port(), user, user == null ? null : settings.password());
            return transport;
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw new Unreachable("Cannot connect to SMTP " + settings.host() + ":" + settings.port() + ": "
                    + MailFailures.describe(e), e);
        }
    }

    @Override
    public String describe() {
        return "SMTP " + settings.host() + ":" + settings.port() + (settings.ssl() ? " (TLS)" : "")
                + (settings.starttls() ? " (STARTTLS)" : "");
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing the SMTP connection failed: {}", e.toString());
        }
    }

    /**
     * One kept-open connection. A connection that dropped is opened again once for the next message; if it drops
     * again before a message got through, the server is treated as unreachable and the batch stops.
     */
    private final class SmtpConnection implements Connection {
        private Transport transport;
        private boolean broken;
        private boolean reconnectedSinceSuccess;

        SmtpConnection(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void send(OutgoingMail mail, Instant date) throws MessagingException {
            send(mail, date, BeforeAccept.NONE);
        }

        /** Holds the end of data until {@code beforeAccept} returns: the server accepts nothing before that. */
        @Override
        public void send(OutgoingMail mail, Instant date, BeforeAccept beforeAccept) throws MessagingException {
            MimeMessage message = MimeMessages.build(session, from, mail, date, beforeAccept);
            if (broken) {
                if (reconnectedSinceSuccess) {
                    throw new Unreachable("The SMTP connection to " + settings.host() + ":" + settings.port()
                            + " dropped again after reconnecting", null);
                }
                closeQuietly(transport);
                transport = connect();
                broken = false;
                reconnectedSinceSuccess = true;
                LOG.info("Reconnected to SMTP {}:{} after the connection dropped", settings.host(), settings.port());
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
                reconnectedSinceSuccess = false;
            } catch (MessagingException | RuntimeException e) {
                // isConnected() asks the server (NOOP): only worth it after a failure.
                if (!stillConnected()) {
                    broken = true;
                }
                throw e;
            }
        }

        private boolean stillConnected() {
            try {
                return transport.isConnected();
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            closeQuietly(transport);
        }
    }
}
