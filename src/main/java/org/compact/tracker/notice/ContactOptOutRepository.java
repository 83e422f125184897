package org.compact.tracker.notice;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactOptOutRepository extends CrudRepository<ContactOptOut, Long> {
    boolean existsByOrganisationIdAndEmail(Long organisationId, String email);

    List<ContactOptOut> findByOrganisationIdInList(List<Long> organisationIds);

    void deleteByOrganisationIdAndEmail(Long organisationId, String email);
}
