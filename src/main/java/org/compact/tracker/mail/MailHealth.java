package org.compact.tracker.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whether mail as a whole gets through, kept in the database ({@code mail_health}) so every node and every restart
 * agree: mail is failing from the first relay run in which messages failed for a passing reason and none got
 * through, until a message gets through again.
 *
 * <p>Once it has been failing for {@value #ALERT_AFTER_MINUTES} minutes, one node (a conditional UPDATE decides which)
 * logs it at ERROR and queues a mail to {@code tracker.mail.alert.to}, or, when that is not set, to every enabled
 * admin: once per outage, however many messages wait and however many nodes run the relay. With an alert route
 * ({@code tracker.mail.alert.smtp.*}, {@link AlertRoute}) the alert is sent through it at once; without one, or when
 * that fails too, it waits in the outbox like the rest and goes with them when the server takes mail again, and the
 * ERROR line is what tells whoever watches the log during the outage.
 */
@Singleton
class MailHealth {
    private static final Logger LOG = LoggerFactory.getLogger(MailHealth.class);
    static final long ALERT_AFTER_MINUTES = 60;
    static final Duration ALERT_AFTER = Duration.ofMinutes(ALERT_AFTER_MINUTES);

    private final OutboxRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    private final RelaySettings settings;
    private final String domain;
    private final List<String> alertTo;
    @Nullable
    private final MailAlertRecipients admins;
    @Nullable
    private final AlertRoute route;

    MailHealth(OutboxRepository repository, Outbox outbox, Clock clock, RelaySettings settings,
               @Value("${tracker.mail.from:consultations@localhost}") String from,
               @Nullable @Value("${tracker.mail.alert.to:}") String alertTo,
               @Nullable MailAlertRecipients admins, @Nullable AlertRoute route) {
        this.route = route;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        int at = from.lastIndexOf('@');
        this.domain = at < 0 ? "localhost" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        this.alertTo = alertTo == null ? List.of() : Arrays.stream(alertTo.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        this.admins = admins;
    }

    /** What one relay run says of the server: a message got through, or some failed for a passing reason and none did. */
    void recordRun(MailRelay.Delivery run) {
        if (run.sent() > 0) {
            repository.markMailWorking();
        } else if (run.retried() > 0 || run.unreachable()) {
            repository.markMailFailing(clock.instant());
        }
    }

    /**
     * Alerts the admin if mail has been failing for an hour and nobody alerted about this outage yet: one ERROR line
     * and the alert mail, queued in the same transaction as the mark that it was sent. True when this call alerted.
     */
    @Transactional
    boolean alertIfDue() {
        Instant now = clock.instant();
        if (repository.takeOutageAlert(now, now.minus(ALERT_AFTER)) == 0) {
            return false;
        }
        OutboxRepository.Waiting waiting = repository.waitingAll();
        Instant since = waiting.since() == null ? now.minus(ALERT_AFTER) : waiting.since();
        String oldest = repository.oldestWaiting().stream().findFirst()
                .map(o -> o.messageId() + " to " + o.recipient() + " (" + o.lastError() + ")").orElse("none");
        List<String> to = alertTo.isEmpty() && admins != null ? admins.addresses() : alertTo;
        String subject = "Mail is failing: " + waiting.messages() + " message(s) waiting for the mail server";
        String text = "The consultation tracker has not been able to hand mail to its mail server since "
                + since + ".\n\n" + waiting.messages() + " message(s) are waiting; the oldest: " + oldest + ".\n\n"
                + "They are tried again every " + words(settings.maxBackoff()) + " at most, and given up "
                + words(settings.giveUpAfter()) + " after their first failure. This alert was written when "
                + "the failure had lasted an hour. Check the mail server, and the tracker's log (lines 'Mail server "
                + "unreachable').";
        List<OutgoingMail> alerts = new java.util.ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            String id = "mail-outage-" + now.getEpochSecond() + "-" + i + "@" + (domain.isEmpty() ? "localhost" : domain);
            alerts.add(new OutgoingMail(id, "MAIL_ALERT", to.get(i), subject, text, null, List.of(), Map.of(), null));
        }
        boolean sentAside = !alerts.isEmpty() && sendThroughAlertRoute(alerts, now);
        LOG.error("MAIL IS FAILING: the mail server has taken no mail for over an hour; {} message(s) wait for it, "
                        + "the oldest since {}: {}. They are tried every {} at most until {} after their first failure. "
                        + "{}", waiting.messages(), since, oldest, words(settings.maxBackoff()), words(settings.giveUpAfter()),
                to.isEmpty() ? "No admin address to alert (set tracker.mail.alert.to): this line is the only alert."
                        : sentAside ? "An alert to " + String.join(", ", to) + " went through the alert route ("
                        + route.sender().describe() + ")."
                        : "An alert to " + String.join(", ", to) + " is queued; it goes when the server takes mail again.");
        if (!sentAside) {
            alerts.forEach(outbox::enqueue);
        }
        return true;
    }

    /**
     * Sends the alerts through the alert route, if there is one: true when the server there took every one (then they
     * are not queued as well, so nobody gets the alert twice).
     */
    private boolean sendThroughAlertRoute(List<OutgoingMail> alerts, Instant now) {
        if (route == null) {
            return false;
        }
        try (MailSender.Connection connection = route.sender().open()) {
            for (OutgoingMail alert : alerts) {
                connection.send(alert, now);
            }
            return true;
        } catch (Exception e) {
            LOG.error("The alert route {} failed too ({}): the alert is queued with the rest",
                    route.sender().describe(), e.toString());
            return false;
        }
    }

    /** "10 minutes", "72 hours". */
    private static String words(Duration d) {
        return d.toMinutes() % 60 == 0 && d.toHours() > 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
