package org.compact.tracker.feedback;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipantRepository extends CrudRepository<Participant, Long> {
    List<Participant> findByConsultationIdOrderById(Long consultationId);

    List<Participant> findByConsultationIdAndConsentWithdrawnAtIsNullOrderById(Long consultationId);

    boolean existsByConsultationIdAndEmail(Long consultationId, String email);
}
