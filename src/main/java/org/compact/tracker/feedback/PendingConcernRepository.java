package org.compact.tracker.feedback;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PendingConcernRepository extends CrudRepository<PendingConcern, Long> {
    /** Marks the held concern confirmed as {@code concernId}, only if nobody confirmed it first: 1 when now, 0 otherwise. */
    @Query("UPDATE concern_pending SET concern_id = :concernId WHERE id = :id AND concern_id IS NULL")
    int confirmIfHeld(Long id, Long concernId);

    /** Deletes the held concerns never confirmed whose time to confirm has passed. */
    @Query("DELETE FROM concern_pending WHERE concern_id IS NULL AND confirm_until < :now")
    int deleteLapsed(Instant now);
}
