package org.compact.tracker.mail;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the service puts mail. {@link #enqueue} writes the message in the caller's transaction, so a change and
 * the mail it causes are committed together or not at all; {@link MailRelay} delivers it later. Sends nothing itself.
 */
@Singleton
public class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_MESSAGE_ID = 300;
    private static final int MAX_REFERENCE = 200;
    private static final int IN_CHUNK = 500;
    /** Header names the message builder sets itself. */
    private static final Set<String> RESERVED_HEADERS = Set.of("message-id", "from", "to", "cc", "bcc", "subject", "date",
            "mime-version", "content-type", "content-transfer-encoding");
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    private final OutboxRepository repository;
    private final Clock clock;
    private final io.micronaut.context.event.ApplicationEventPublisher<MailQueued> events;

    Outbox(OutboxRepository repository, Clock clock, io.micronaut.context.event.ApplicationEventPublisher<MailQueued> events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Queues {@code mail} in the caller's transaction (or a new one). A message id already in the outbox is ignored,
     * without failing or marking the caller's transaction. Refuses (IllegalArgumentException) a message that could
     * never be written: no message id, a message id or header that would break the message's header.
     */
    @Transactional
    public void enqueue(OutgoingMail mail) {
        check(mail);
        int inserted = repository.insertIfAbsent(mail.messageId(), mail.category(), mail.to().strip(), mail.subject(),
                mail.text() == null ? "" : mail.text(), mail.html(), MailCodec.writeAttachments(mail.attachments()),
                MailCodec.writeHeaders(mail.headers()), mail.reference(), clock.instant());
        if (inserted == 0) {
            LOG.debug("Message {} is already in the outbox; ignored", mail.messageId());
        } else {
            events.publishEvent(new MailQueued(mail.messageId()));
        }
    }

    /** The state of each of these messages that is in the outbox, by message id (unknown ids are left out). */
    @Transactional
    public Map<String, MailState> states(Collection<String> messageIds) {
        Map<String, MailState> states = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(messageIds));
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            for (OutboxRepository.StateRow row : repository.findByMessageIdIn(chunk)) {
                states.put(row.messageId(), row.state());
            }
        }
        return states;
    }

    /** Every message queued with this reference, in the order they were queued. */
    @Transactional
    public List<MailState> byReference(String reference) {
        return repository.findByReferenceOrderById(reference).stream().map(OutboxRepository.StateRow::state).toList();
    }

    /**
     * The messages of one reference and category whose message id starts with {@code messageIdPrefix}, in the order
     * they were queued: address to state.
     */
    @Transactional
    public Map<String, MailState> recipients(String reference, String category, String messageIdPrefix) {
        Map<String, MailState> found = new LinkedHashMap<>();
        String like = messageIdPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        for (OutboxRepository.RecipientRow row : repository.findRecipients(reference, category, like)) {
            found.put(row.recipient(), row.state());
        }
        return found;
    }

    /** How many of the messages with this reference are queued, sent and failed (every status present, maybe 0). */
    @Transactional
    public Map<MailStatus, Long> countsByReference(String reference) {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, repository.countByReferenceAndStatus(reference, status));
        }
        return counts;
    }

    /**
     * The queued mail of this category (e.g. NOTICE) that the mail server has failed to take and that is still being
     * tried: how many, for how many references, since when; empty when none waits for the server.
     */
    @Transactional
    public java.util.Optional<MailWaiting> waitingForServer(String category) {
        OutboxRepository.Waiting w = repository.waiting(category);
        return w.messages() == 0 || w.since() == null ? java.util.Optional.empty()
                : java.util.Optional.of(new MailWaiting(w.messages(), w.referencesCount(), w.since()));
    }

    /** How many messages of the whole outbox are in each status. */
    @Transactional
    public Map<MailStatus, Long> counts() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, repository.countByStatus(status));
        }
        return counts;
    }

    /**
     * Puts a FAILED message back in the queue with its attempts reset (e.g. after a mailbox was fixed): it is sent
     * again with the same Message-ID. False if there is no such failed message.
     */
    @Transactional
    public boolean requeue(String messageId) {
        boolean requeued = repository.requeue(messageId, clock.instant()) == 1;
        if (requeued) {
            events.publishEvent(new MailQueued(messageId));
        }
        return requeued;
    }

    /** Puts every FAILED message back in the queue (e.g. after an outage longer than the retries); returns how many. */
    @Transactional
    public int requeueAllFailed() {
        int requeued = repository.requeueAllFailed(clock.instant());
        if (requeued > 0) {
            events.publishEvent(new MailQueued("requeued"));
        }
        return requeued;
    }

    static void check(OutgoingMail mail) {
        String id = mail.messageId();
        if (id == null || id.isBlank() || id.length() > MAX_MESSAGE_ID) {
            throw new IllegalArgumentException("A message id of 1 to " + MAX_MESSAGE_ID + " characters is needed: " + id);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 127 || c == '<' || c == '>') {
                throw new IllegalArgumentException("A message id is printable ASCII without spaces or angle brackets: "
                        + id);
            }
        }
        if (mail.to() == null || mail.to().isBlank() || mail.to().strip().length() > 320) {
            throw new IllegalArgumentException("Message " + id + " needs a recipient of at most 320 characters");
        }
        if (mail.category() == null || mail.category().isBlank() || mail.category().length() > 40) {
            throw new IllegalArgumentException("Message " + id + " needs a category of at most 40 characters");
        }
        if (mail.subject() == null) {
            throw new IllegalArgumentException("Message " + id + " has no subject");
        }
        if (mail.reference() != null && mail.reference().length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("Message " + id + " has a reference longer than " + MAX_REFERENCE);
        }
        if (mail.attachments() != null) {
            for (OutgoingMail.Attachment a : mail.attachments()) {
                if (a.filename() == null || a.filename().isBlank() || a.contentType() == null || a.content() == null) {
                    throw new IllegalArgumentException("Message " + id + " has an attachment without a name, type or content");
                }
            }
        }
        if (mail.headers() != null) {
            for (Map.Entry<String, String> h : mail.headers().entrySet()) {
                String name = h.getKey();
                if (name == null || !HEADER_NAME.matcher(name).matches()
                        || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("Message " + id + " cannot carry the header '" + name + "'");
                }
                String value = h.getValue();
                if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("Message " + id + " has a header " + name
                            + " with no value or a line break in it");
                }
            }
        }
    }
}
