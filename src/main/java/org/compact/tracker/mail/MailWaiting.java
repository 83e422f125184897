package org.compact.tracker.mail;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Queued mail the mail server has failed to take, still being tried: how many messages, for how many references
 * (e.g. consultations), and since when the oldest has waited for the server.
 */
@Serdeable
public record MailWaiting(long messages, long references, Instant since) {
}
