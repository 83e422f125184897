package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsultationRepository extends CrudRepository<Consultation, Long> {

    /**
     * The register, filtered; a consultation is in [from, to] when its open period touches it, and is an agency's
     * when the agency leads it or is one of its partners.
     */
    @Query(value = """
            SELECT * FROM consultation
            WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
              AND (CAST(:agencyId AS BIGINT) IS NULL OR agency_id = :agencyId
                   OR id IN (SELECT p.consultation_id FROM consultation_partner p WHERE p.agency_id = :agencyId))
              AND (CAST(:from AS DATE) IS NULL OR closes_on IS NULL OR closes_on >= :from)
              AND (CAST(:to AS DATE) IS NULL OR opens_on IS NULL OR opens_on <= :to)
            ORDER BY opens_on NULLS LAST, id
            LIMIT :limit OFFSET :offset""")
    List<Consultation> search(@Nullable String status, @Nullable Long agencyId, @Nullable LocalDate from,
                              @Nullable LocalDate to, int limit, long offset);

    /** Live consultations whose open period touches [from, to]: the ones an organisation could be asked into at once. */
    @Query("""
            SELECT * FROM consultation
            WHERE status IN (:statuses)
              AND opens_on IS NOT NULL AND closes_on IS NOT NULL
              AND closes_on >= :from AND opens_on <= :to""")
    List<Consultation> findLiveBetween(Collection<String> statuses, LocalDate from, LocalDate to);

    List<Consultation> findByStatusAndOpensOnLessThanEquals(ConsultationStatus status, LocalDate day);

    List<Consultation> findByStatusAndClosesOnLessThan(ConsultationStatus status, LocalDate day);

    List<Consultation> findByIdInList(Collection<Long> ids);

    List<Consultation> findByStatus(ConsultationStatus status);
}
