package org.compact.tracker.notice;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OfficerAlertRepository extends CrudRepository<OfficerAlert, Long> {
    boolean existsByConsultationIdAndKindAndDueKey(Long consultationId, String kind, String dueKey);
}
