package org.compact.tracker.consultation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TranslationRepository extends CrudRepository<TranslationRow, Long> {
    List<TranslationRow> findByConsultationIdOrderByLanguage(Long consultationId);

    List<TranslationRow> findByConsultationIdInListOrderByLanguage(Collection<Long> consultationIds);

    Optional<TranslationRow> findByConsultationIdAndLanguage(Long consultationId, String language);
}
