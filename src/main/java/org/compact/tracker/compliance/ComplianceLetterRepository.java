package org.compact.tracker.compliance;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The months whose letters were queued ({@code compliance_letter}, V26). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ComplianceLetterRepository extends GenericRepository<ComplianceLetterRepository.Row, String> {

    /** A month ("2027-02") whose letters were queued, when, and how many. */
    @MappedEntity("compliance_letter")
    record Row(@Id String letterMonth, Instant queuedAt, int letters) {
    }

    /** Claims the month in the caller's transaction: 1, or 0 when it was claimed already. */
    @Query("INSERT INTO compliance_letter (letter_month, queued_at, letters) VALUES (:month, :queuedAt, :letters) "
            + "ON CONFLICT DO NOTHING")
    int claim(String month, Instant queuedAt, int letters);

    Optional<Row> findById(String month);
}
