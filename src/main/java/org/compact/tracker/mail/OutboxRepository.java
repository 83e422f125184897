package org.compact.tracker.mail;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The outbox table. Every method joins the caller's transaction, or runs in a short one of its own. The changes of
 * one row apply only while it is still queued, so a late outcome never overwrites a final one. They say so as
 * {@code status NOT IN ('SENT', 'FAILED')} (the same thing, by the table's check): with {@code status = 'QUEUED'}
 * H2 plans an UPDATE through the (status, next_attempt_at) index and reads every queued row for each update,
 * where this form makes it use the primary key, as PostgreSQL does anyway.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional
interface OutboxRepository extends GenericRepository<OutboxMessage, Long> {

    /** Inserts a new message; a message id already in the outbox is ignored (0), without failing the transaction. */
    @Query("""
            INSERT INTO outbox_message (message_id, category, recipient, subject, text_body, html_body, attachments,
                headers, reference, status, attempts, next_attempt_at, created_at)
            VALUES (:messageId, :category, :recipient, :subject, :textBody, :htmlBody, :attachments, :headers,
                :reference, 'QUEUED', 0, :now, :now)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String messageId, String category, String recipient, String subject, String textBody,
                       @Nullable String htmlBody, String attachments, String headers, @Nullable String reference,
                       Instant now);

    List<StateRow> findByMessageIdIn(Collection<String> messageIds);

    /** The message ids of these rows (a fold tells its listeners which messages it turned SENT). */
    @Query("SELECT message_id FROM outbox_message WHERE id IN (:ids)")
    List<String> findMessageIdByIdIn(Collection<Long> ids);

    List<StateRow> findByReferenceOrderById(String reference);

    /** The messages of one reference and category whose message id starts with {@code prefix}, with their recipient. */
    @Query("""
            SELECT message_id, recipient, status, attempts, sent_at, next_attempt_at, last_error, failing_since
            FROM outbox_message
            WHERE reference = :reference AND category = :category AND message_id LIKE :prefix ORDER BY id""")
    List<RecipientRow> findRecipients(String reference, String category, String prefix);

    long countByReferenceAndStatus(String reference, MailStatus status);

    long countByStatus(MailStatus status);

    /**
     * The queued rows due at {@code now} (the service's clock) and free at {@code leaseNow} (the wall clock, which
     * claims are held on), oldest first.
     */
    @Query("""
            SELECT id FROM outbox_message
            WHERE status = 'QUEUED' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :leaseNow)
            ORDER BY id LIMIT :limit""")
    List<Long> findDueIds(Instant now, Instant leaseNow, int limit);

    /**
     * Claims these rows until {@code until} (wall clock) for the relay with {@code token}, except the ones another
     * relay holds at {@code leaseNow} or that are no longer due at {@code now}; returns how many it claimed, and
     * {@link #findClaimed} reads them back. Due is checked again here, not only when the ids were read: meanwhile
     * another relay may have tried a row and put it back to wait for its back-off (claim released, next attempt later).
     */
    @Query("""
            UPDATE outbox_message SET claimed_until = :until, claimed_by = :token
            WHERE id IN (:ids) AND status NOT IN ('SENT', 'FAILED') AND next_attempt_at <= :now
                AND (claimed_until IS NULL OR claimed_until < :leaseNow)""")
    int claim(Collection<Long> ids, Instant now, Instant leaseNow, Instant until, String token);

    /** The rows among {@code ids} that the claim with {@code token} holds. */
    @Query("SELECT * FROM outbox_message WHERE claimed_by = :token AND id IN (:ids) ORDER BY id")
    List<OutboxMessage> findClaimed(String token, Collection<Long> ids);

    /** Records that the server accepted a message (see V11): one append, folded later by {@link OutboxStore#foldSent}. */
    @Query("INSERT INTO outbox_accepted (message_row, attempts, sent_at) VALUES (:messageRow, :attempts, :sentAt)")
    int insertAccepted(long messageRow, int attempts, Instant sentAt);

    @Query("SELECT seq, message_row, attempts, sent_at FROM outbox_accepted ORDER BY seq LIMIT :limit")
    List<Accepted> findAccepted(int limit);

    /** Messages of this reference accepted by the server and not folded yet. */
    @Query("""
            SELECT COUNT(*) FROM outbox_accepted a JOIN outbox_message m ON m.id = a.message_row
            WHERE m.reference = :reference""")
    long countAcceptedByReference(String reference);

    @Query("""
            UPDATE outbox_message SET attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError,
                failing_since = :failingSince, claimed_until = NULL
            WHERE id = :id AND status NOT IN ('SENT', 'FAILED')""")
    int markRetry(long id, int attempts, Instant nextAttemptAt, String lastError, Instant failingSince);

    @Query("""
            UPDATE outbox_message SET status = 'FAILED', attempts = :attempts, last_error = :lastError,
                claimed_until = NULL
            WHERE id = :id AND status NOT IN ('SENT', 'FAILED')""")
    int markFailed(long id, int attempts, String lastError);

    /** Gives a claimed row back untouched (the relay stopped before its turn). */
    @Query("UPDATE outbox_message SET claimed_until = NULL WHERE id = :id AND status NOT IN ('SENT', 'FAILED')")
    int release(long id);

    @Query("""
            UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = :now, claimed_until = NULL,
                failing_since = NULL
            WHERE message_id = :messageId AND status = 'FAILED'""")
    int requeue(String messageId, Instant now);

    @Query("""
            UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = :now, claimed_until = NULL,
                failing_since = NULL
            WHERE status = 'FAILED'""")
    int requeueAllFailed(Instant now);

    /** A message the server accepted, not yet folded into its row. */
    @Introspected
    record Accepted(long seq, long messageRow, int attempts, Instant sentAt) {
    }

    /** A message's state with the address it goes to. */
    @Introspected
    record RecipientRow(String messageId, String recipient, MailStatus status, int attempts, @Nullable Instant sentAt,
                        Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant failingSince) {
        MailState state() {
            return new StateRow(messageId, status, attempts, sentAt, nextAttemptAt, lastError, failingSince).state();
        }
    }

    /** The delivery state of one message, read without its bodies. */
    @Introspected
    record StateRow(String messageId, MailStatus status, int attempts, @Nullable Instant sentAt,
                    Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant failingSince) {
        MailState state() {
            return new MailState(messageId, status, attempts, sentAt,
                    status == MailStatus.QUEUED ? nextAttemptAt : null, lastError,
                    status == MailStatus.QUEUED ? failingSince : null);
        }
    }

    /**
     * The queued messages of one category the mail server has failed to take: how many, of how many references, and
     * since when the oldest has waited.
     */
    @Query("""
            SELECT COUNT(*) AS messages, COUNT(DISTINCT reference) AS references_count, MIN(failing_since) AS since
            FROM outbox_message WHERE status = 'QUEUED' AND failing_since IS NOT NULL AND category = :category""")
    Waiting waiting(String category);

    /** As {@link #waiting(String)}, for every category. */
    @Query("""
            SELECT COUNT(*) AS messages, COUNT(DISTINCT reference) AS references_count, MIN(failing_since) AS since
            FROM outbox_message WHERE status = 'QUEUED' AND failing_since IS NOT NULL""")
    Waiting waitingAll();

    /** The oldest message waiting for the mail server, for the alert. */
    @Query("""
            SELECT message_id, recipient, last_error FROM outbox_message
            WHERE status = 'QUEUED' AND failing_since IS NOT NULL ORDER BY failing_since, id LIMIT 1""")
    List<OldestWaiting> oldestWaiting();

    /** Mail as a whole failed at {@code now}: marks since when, unless it already was failing. */
    @Query("UPDATE mail_health SET failing_since = :now WHERE id = 1 AND failing_since IS NULL")
    int markMailFailing(Instant now);

    /** A message got through: mail works, and the next failure is a new outage (alerted again). */
    @Query("""
            UPDATE mail_health SET failing_since = NULL, alerted_at = NULL
            WHERE id = 1 AND (failing_since IS NOT NULL OR alerted_at IS NOT NULL)""")
    int markMailWorking();

    /**
     * Takes the alert of this outage if mail has failed since {@code failingBefore} or earlier and nobody (no node)
     * alerted yet: 1 for the one caller that is to alert, 0 for every other.
     */
    @Query("""
            UPDATE mail_health SET alerted_at = :now
            WHERE id = 1 AND alerted_at IS NULL AND failing_since IS NOT NULL AND failing_since <= :failingBefore""")
    int takeOutageAlert(Instant now, Instant failingBefore);

    /** See {@link #waiting}. */
    @Introspected
    record Waiting(long messages, long referencesCount, @Nullable Instant since) {
    }

    /** See {@link #oldestWaiting}. */
    @Introspected
    record OldestWaiting(String messageId, String recipient, @Nullable String lastError) {
    }
}
