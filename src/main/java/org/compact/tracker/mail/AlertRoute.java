package org.compact.tracker.mail;

/**
 * A second way out for the one alert that says mail is failing ({@link MailHealth}): an SMTP server of its own
 * ({@code tracker.mail.alert.smtp.*}), tried at once, because the alert queued in the outbox waits behind the very
 * server that is down. Absent unless {@code tracker.mail.alert.smtp.host} is set.
 */
record AlertRoute(MailSender sender) {
}
