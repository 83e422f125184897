package org.compact.tracker.mail;

import java.util.Collection;

/**
 * Told, inside the transaction that writes it, which messages the mail server was recorded as accepting (their rows
 * turned SENT, {@code sent_at} set): a feature whose answers depend on when its mail arrived (a notice's receipt) marks
 * its change there, in the same commit. The mail package knows nothing of what the messages are about.
 */
public interface MailSent {
    /** {@code messageIds}: the messages just turned SENT, never empty. Runs in the relay's fold transaction. */
    void sent(Collection<String> messageIds);

    /**
     * {@code messageId} was given up (FAILED: refused for good, or not taken for the whole retry window), in the
     * transaction that records it. A feature whose answers say whether its mail arrived marks its change there.
     */
    default void givenUp(String messageId) {
    }
}
