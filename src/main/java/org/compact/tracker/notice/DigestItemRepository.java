package org.compact.tracker.notice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DigestItemRepository extends CrudRepository<DigestItem, Long> {
    boolean existsByItemKey(String itemKey);

    /** A contact with items waiting since before {@code cutoff}. */
    @Introspected
    record Pending(long organisationId, String email) {
    }

    /**
     * The next page of contacts with items queued at or before {@code cutoff} that wait for a digest, after the
     * contact ({@code afterOrganisation}, {@code afterEmail}) in (organisation, address) order: the run reads them a
     * page at a time, never all at once.
     */
    @Query("""
            SELECT DISTINCT organisation_id, email FROM digest_item
            WHERE sent_in IS NULL AND queued_at <= :cutoff
              AND (organisation_id > :afterOrganisation OR (organisation_id = :afterOrganisation AND email > :afterEmail))
            ORDER BY organisation_id, email LIMIT :limit""")
    List<Pending> pending(Instant cutoff, long afterOrganisation, String afterEmail, int limit);

    /**
     * Claims a contact's waiting items for the digest {@code digestId}: only those no run has claimed, so that of two
     * nodes running at once one claims them and the other finds none. Returns how many were claimed.
     */
    @Query("""
            UPDATE digest_item SET sent_in = :digestId
            WHERE organisation_id = :organisationId AND email = :email AND sent_in IS NULL AND queued_at <= :cutoff""")
    int claim(long organisationId, String email, Instant cutoff, String digestId);

    @Query("SELECT * FROM digest_item WHERE sent_in = :digestId ORDER BY id")
    List<DigestItem> claimedBy(String digestId);

    /** The deliveries of a digest's items carry its message id: their state and receipt are the digest's. */
    @Query("UPDATE delivery SET message_id = :digestId WHERE id IN (SELECT delivery_id FROM digest_item WHERE sent_in = :digestId)")
    int moveDeliveries(String digestId);
}
