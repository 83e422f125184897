package org.compact.tracker.notice;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeliveryRepository extends CrudRepository<Delivery, Long> {
    List<Delivery> findByConsultationIdOrderById(Long consultationId);

    List<Delivery> findByConsultationIdAndKindOrderById(Long consultationId, NoticeKind kind);

    boolean existsByMessageId(String messageId);

    List<Delivery> findByOrganisationIdOrderByIdDesc(Long organisationId);
}
