package org.compact.tracker.organisation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganisationChangeRepository extends CrudRepository<OrganisationChange, Long> {
    List<OrganisationChange> findByOrganisationIdOrderByIdDesc(Long organisationId);
}
