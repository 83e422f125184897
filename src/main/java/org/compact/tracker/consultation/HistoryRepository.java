package org.compact.tracker.consultation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HistoryRepository extends CrudRepository<HistoryEntry, Long> {
    List<HistoryEntry> findByConsultationIdOrderById(Long consultationId);
}
