package org.compact.tracker.mail;

import java.util.List;

/**
 * Who is told that mail has been failing for an hour when {@code tracker.mail.alert.to} is not set: the service's
 * admins (the security package says who they are; the mail package knows nothing of users).
 */
public interface MailAlertRecipients {
    List<String> addresses();
}
