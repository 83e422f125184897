package org.compact.tracker.mail;

/** Where a queued message is: waiting (first try or a retry), accepted by the SMTP server, or given up. */
public enum MailStatus { QUEUED, SENT, FAILED }
