package org.compact.tracker.mail;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The mail settings ({@code tracker.mail.*}, each also from the environment, e.g. TRACKER_MAIL_SMTP_HOST) and the
 * sender they choose: SMTP when {@code tracker.mail.smtp.host} is set, .eml files otherwise.
 */
@Factory
class MailFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MailFactory.class);

    @Singleton
    RelaySettings relaySettings(@Value("${tracker.mail.relay.batch-size:200}") int batchSize,
                                @Value("${tracker.mail.relay.lease:2m}") Duration lease,
                                @Value("${tracker.mail.relay.base-backoff:30s}") Duration baseBackoff,
                                @Value("${tracker.mail.relay.max-backoff:10m}") Duration maxBackoff,
                                @Value("${tracker.mail.relay.max-attempts:0}") int maxAttempts,
                                @Value("${tracker.mail.relay.give-up-after:72h}") Duration giveUpAfter,
                                @Value("${tracker.mail.relay.time-budget:20s}") Duration timeBudget) {
        return new RelaySettings(batchSize, lease, baseBackoff, maxBackoff, maxAttempts, giveUpAfter, timeBudget);
    }

    @Singleton
    MailSender mailSender(@Value("${tracker.mail.from:consultations@localhost}") String from,
                          @Nullable @Value("${tracker.mail.smtp.host:}") String host,
                          @Value("${tracker.mail.smtp.port:25}") int port,
                          @Nullable @Value("${tracker.mail.smtp.username:}") String username,
                          @Nullable @Value("${tracker.mail.smtp.password:}") String password,
                          @Value("${tracker.mail.smtp.starttls:false}") boolean starttls,
                          @Value("${tracker.mail.smtp.ssl:false}") boolean ssl,
                          @Value("${tracker.mail.smtp.connect-timeout:10s}") Duration connectTimeout,
                          @Value("${tracker.mail.smtp.read-timeout:10s}") Duration readTimeout,
                          @Value("${tracker.mail.smtp.write-timeout:10s}") Duration writeTimeout,
                          @Value("${tracker.mail.file-dir:./data/mail}") String fileDir) {
        InternetAddress sender = fromAddress(from);
        MailSender mailSender;
        if (host == null || host.isBlank()) {
            mailSender = new FileMailSender(Path.of(fileDir), sender);
        } else {
            mailSender = new SmtpMailSender(new SmtpMailSender.Settings(host.strip(), port, blankToNull(username),
                    blankToNull(password), starttls, ssl, connectTimeout, readTimeout, writeTimeout), sender);
        }
        LOG.info("Mail from {} goes to {}", sender, mailSender.describe());
        return mailSender;
    }

    /** The alert's own SMTP server, when one is set: see {@link AlertRoute}. */
    @Singleton
    @Requires(property = "tracker.mail.alert.smtp.host")
    AlertRoute alertRoute(@Value("${tracker.mail.from:consultations@localhost}") String from,
                          @Value("${tracker.mail.alert.smtp.host}") String host,
                          @Value("${tracker.mail.alert.smtp.port:25}") int port,
                          @Nullable @Value("${tracker.mail.alert.smtp.username:}") String username,
                          @Nullable @Value("${tracker.mail.alert.smtp.password:}") String password,
                          @Value("${tracker.mail.alert.smtp.starttls:false}") boolean starttls,
                          @Value("${tracker.mail.alert.smtp.ssl:false}") boolean ssl) {
        Duration timeout = Duration.ofSeconds(10);
        AlertRoute route = new AlertRoute(new SmtpMailSender(new SmtpMailSender.Settings(host.strip(), port,
                blankToNull(username), blankToNull(password), starttls, ssl, timeout, timeout, timeout), fromAddress(from)));
        LOG.info("The alert that mail is failing goes straight to {}", route.sender().describe());
        return route;
    }

    private static InternetAddress fromAddress(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new ConfigurationException("tracker.mail.from is not a mail address: '" + from + "' ("
                    + e.getMessage() + ")");
        }
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
