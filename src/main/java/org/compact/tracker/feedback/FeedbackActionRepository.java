package org.compact.tracker.feedback;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FeedbackActionRepository extends CrudRepository<FeedbackAction, Long> {
    List<FeedbackAction> findByConsultationIdOrderById(Long consultationId);

    List<FeedbackAction> findByDoneOnIsNullAndDueLessThan(LocalDate day);
}
