package org.compact.tracker.feedback;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConcernRepository extends CrudRepository<Concern, Long> {
    List<Concern> findByConsultationIdOrderByRaisedAt(Long consultationId);

    List<Concern> findByOrganisationIdOrderByRaisedAtDesc(Long organisationId);

    List<Concern> findByConsultationIdAndOrganisationIdAndAnsweredAtIsNull(Long consultationId, Long organisationId);

    /** Answers a concern only if nobody answered it first: 1 when answered now, 0 when it already was. */
    @Query("UPDATE concern SET answer = :answer, answered_by = :answeredBy, answered_at = :answeredAt "
            + "WHERE id = :id AND answered_at IS NULL")
    int answerIfOpen(Long id, String answer, String answeredBy, Instant answeredAt);

    /** Every concern, the open ones first (oldest first), then the answered ones (latest answered first). */
    @Query("SELECT * FROM concern ORDER BY CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END, "
            + "CASE WHEN answered_at IS NULL THEN raised_at END, answered_at DESC, id LIMIT :limit OFFSET :offset")
    List<Concern> findAllOpenFirst(int limit, long offset);

    @Query("SELECT * FROM concern WHERE answered_at IS NULL ORDER BY raised_at, id LIMIT :limit OFFSET :offset")
    List<Concern> findOpen(int limit, long offset);

    @Query("SELECT * FROM concern WHERE answered_at IS NOT NULL ORDER BY answered_at DESC, id LIMIT :limit OFFSET :offset")
    List<Concern> findAnswered(int limit, long offset);

    /** Every open concern, whatever its kind, oldest first (the concern chase). */
    List<Concern> findByAnsweredAtIsNullOrderByRaisedAt();
}
