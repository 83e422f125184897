package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mail that asks someone who raised a concern through the public form (no link, no account) to confirm it: the
 * concern counts only once the link in it is followed from the address given. Queued in the caller's transaction;
 * the Message-ID is stable per held concern, so a retried transaction queues nothing twice.
 */
@Singleton
public class ConcernMail {
    public static final String CATEGORY = "CONCERNS";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Outbox outbox;
    private final Links links;
    private final LinkSigner signer;
    private final String domain;

    ConcernMail(Outbox outbox, Links links, LinkSigner signer,
                @Value("${tracker.mail.from:consultations@localhost}") String from) {
        this.outbox = outbox;
        this.links = links;
        this.signer = signer;
        this.domain = OutgoingMail.messageIdDomain(from);
    }

    /** Asks {@code address} to confirm the held concern {@code pendingId}; the link works until the end of {@code lastDay}. */
    public void confirmation(long pendingId, long consultationId, String address, String name, String title,
                             String kindLabel, String text, LocalDate lastDay) {
        String body = "Hello " + name + ",\n\nYou (or someone giving this address) raised a concern about the "
                + "consultation \"" + title + "\":\n\n" + kindLabel + "\n\n" + text + "\n\n"
                + "To send it to the officer running the consultation, confirm it here:\n\n"
                + links.confirmConcern(pendingId, address, lastDay) + "\n\n"
                + "Nothing is sent until you confirm. The link works until " + DAY.format(lastDay) + ". If you did "
                + "not raise this concern, ignore this mail: it is then deleted.\n";
        outbox.enqueue(new OutgoingMail("concern-confirm-" + pendingId + "-" + NoticeComposer.contactHash(address) + "@"
                + domain, CATEGORY, address, "Please confirm your concern: " + Text.oneLine(title), body, null,
                List.of(), Map.of(), "consultation:" + consultationId));
    }

    /** The held concern a confirmation link stands for, and the address it was sent to; empty when forged or expired. */
    public Optional<LinkSigner.Link> confirming(@Nullable String token) {
        return signer.verify(token, Links.CONFIRM_CONCERN);
    }
}
