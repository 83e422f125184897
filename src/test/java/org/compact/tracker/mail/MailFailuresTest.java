package org.compact.tracker.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compact.tracker.mail.MailFailures.Kind.PERMANENT;
import static org.compact.tracker.mail.MailFailures.Kind.TEMPORARY;
import static org.compact.tracker.mail.MailFailures.Kind.UNREACHABLE;

/** A failure to send is sorted into: try later, never again, or the server is not there. */
class MailFailuresTest {
    private static final Address[] NONE = new Address[0];

    static SendFailedException refusedRecipient(int code, String reply) throws AddressException {
        InternetAddress to = new InternetAddress("nobody@example.org");
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(to, "RCPT TO:<nobody@example.org>", code,
                code + " " + reply);
        Address[] one = {to};
        return code >= 500
                ? new SendFailedException("Invalid Addresses", rcpt, NONE, NONE, one)
                : new SendFailedException("Invalid Addresses", rcpt, NONE, one, NONE);
    }

    @Test
    void aRecipientRefusedWith5xxIsPermanentAndTheReasonIsTheServersReply() throws Exception {
        SendFailedException e = refusedRecipient(550, "5.1.1 <nobody@example.org>: Recipient address rejected");
        assertThat(MailFailures.classify(e)).isEqualTo(PERMANENT);
        assertThat(MailFailures.describe(e))
                .isEqualTo("Invalid Addresses: 550 5.1.1 <nobody@example.org>: Recipient address rejected");
        assertThat(MailFailures.classify(e.getNextException())).isEqualTo(PERMANENT);
    }

    @Test
    void aRecipientRefusedWith4xxIsTemporary() throws Exception {
        SendFailedException e = refusedRecipient(450, "4.2.0 <nobody@example.org>: Recipient address greylisted");
        assertThat(MailFailures.classify(e)).isEqualTo(TEMPORARY);
        assertThat(MailFailures.classify(e.getNextException())).isEqualTo(TEMPORARY);
    }

    @Test
    void aMessageRefusedAfterDataIsSortedByItsReplyCode() {
        assertThat(MailFailures.classify(new SMTPSendFailedException("DATA", 554, "554 5.7.1 Spam", null,
                NONE, NONE, NONE))).isEqualTo(PERMANENT);
        assertThat(MailFailures.classify(new SMTPSendFailedException("DATA", 452, "452 4.3.1 Insufficient storage",
                null, NONE, NONE, NONE))).isEqualTo(TEMPORARY);
    }

    @Test
    void anInvalidAddressOrAnUnbuildableMessageIsPermanent() {
        assertThat(MailFailures.classify(new AddressException("Missing final '@domain'", "nobody"))).isEqualTo(PERMANENT);
        assertThat(MailFailures.classify(new MimeMessages.Unbuildable("bad", new IllegalStateException())))
                .isEqualTo(PERMANENT);
    }

    @Test
    void aRefusedConnectionOrFailedLoginMeansTheServerIsUnreachable() {
        MailConnectException refused = new MailConnectException(new SocketConnectException("Connection refused",
                new ConnectException("Connection refused"), "127.0.0.1", 2525, 10_000));
        assertThat(MailFailures.classify(refused)).isEqualTo(UNREACHABLE);
        assertThat(MailFailures.classify(new MailSender.Unreachable("down", refused))).isEqualTo(UNREACHABLE);
        assertThat(MailFailures.classify(new AuthenticationFailedException("535 5.7.8 Bad credentials")))
                .isEqualTo(UNREACHABLE);
        assertThat(MailFailures.describe(refused)).contains("Connection refused");
    }

    @Test
    void aTimeoutOrALostConnectionIsTemporary() {
        assertThat(MailFailures.classify(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out")))).isEqualTo(TEMPORARY);
        assertThat(MailFailures.classify(new IllegalStateException("Not connected"))).isEqualTo(TEMPORARY);
        assertThat(MailFailures.describe(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"))))
                .isEqualTo("Exception reading response: SocketTimeoutException: Read timed out");
    }

    @Test
    void aVeryLongReasonIsCut() {
        String reason = MailFailures.describe(new MessagingException("x".repeat(5000)));
        assertThat(reason).hasSize(MailFailures.MAX_REASON).endsWith("…");
    }
}
