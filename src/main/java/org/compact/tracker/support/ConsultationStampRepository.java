package org.compact.tracker.support;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsultationStampRepository extends GenericRepository<ConsultationStampRow, Long> {
    Optional<ConsultationStampRow> findById(Long consultationId);

    /** The consultation's row and the directory's (row 0): one primary-key look-up of two rows. */
    @Query("SELECT * FROM consultation_stamp WHERE consultation_id IN (0, :consultationId)")
    List<ConsultationStampRow> findWithDirectory(long consultationId);

    @Query("INSERT INTO consultation_stamp (consultation_id, stamp) VALUES (:consultationId, nextval('consultation_stamp_seq'))")
    int add(long consultationId);

    /** Moves the rows of these consultations (ids in ascending order, so two writers lock them in the same order). */
    @Query("UPDATE consultation_stamp SET stamp = nextval('consultation_stamp_seq') WHERE consultation_id IN (:ids)")
    int move(Collection<Long> ids);

    @Query("UPDATE consultation_stamp SET stamp = nextval('consultation_stamp_seq') WHERE consultation_id = 0")
    int moveDirectory();
}
