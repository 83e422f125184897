package org.compact.tracker.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Sorts a failure to send: worth trying again later, never worth it, or the server is not there at all. */
final class MailFailures {
    static final int MAX_REASON = 1000;

    private MailFailures() {
    }

    enum Kind {
        /** Try this message again after the back-off (connection lost, timeout, SMTP 4xx). */
        TEMPORARY,
        /** Never send this message again (SMTP 5xx, an invalid address, a message that cannot be built). */
        PERMANENT,
        /** The server cannot be reached: try this message later and stop the batch instead of hammering. */
        UNREACHABLE
    }

    static Kind classify(Throwable e) {
        if (e instanceof MailSender.Unreachable || e instanceof MailConnectException
                || e instanceof AuthenticationFailedException) {
            return Kind.UNREACHABLE;
        }
        if (e instanceof AddressException || e instanceof MimeMessages.Unbuildable) {
            return Kind.PERMANENT;
        }
        if (e instanceof SMTPAddressFailedException a) {
            return replyKind(a.getReturnCode());
        }
        if (e instanceof SendFailedException s) {
            // A refused recipient: 5xx puts it among the invalid addresses, 4xx among the valid unsent ones.
            if (nonEmpty(s.getInvalidAddresses())) {
                return Kind.PERMANENT;
            }
            if (s instanceof SMTPSendFailedException f) {
                // MAIL FROM or DATA refused: the reply code decides.
                return replyKind(f.getReturnCode());
            }
            Exception next = s.getNextException();
            if (next != null && next != e && classify(next) == Kind.PERMANENT) {
                return Kind.PERMANENT;
            }
            return Kind.TEMPORARY;
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException) {
            return Kind.UNREACHABLE;
        }
        return Kind.TEMPORARY;
    }

    private static Kind replyKind(int code) {
        return code >= 500 && code <= 599 ? Kind.PERMANENT : Kind.TEMPORARY;
    }

    private static boolean nonEmpty(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    /**
     * The failure as a line for {@code last_error}: the server's reply where there is one, then the causes
     * ("Cannot connect …: ConnectException: Connection refused"), at most {@value #MAX_REASON} characters.
     */
    static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable t = e;
        while (t != null && !seen.containsKey(t) && parts.size() < 5) {
            seen.put(t, true);
            String message = t.getMessage() == null ? "" : t.getMessage().strip();
            String part = t instanceof MessagingException && !message.isEmpty()
                    ? message : t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
            Throwable next = t instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException() : t.getCause();
            t = next;
        }
        String reason = String.join(": ", parts).replaceAll("\\s+", " ");
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
