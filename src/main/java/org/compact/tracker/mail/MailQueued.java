package org.compact.tracker.mail;

/** Published when a message enters the outbox; listeners that act after commit can wake the relay. */
public record MailQueued(String messageId) {
}
