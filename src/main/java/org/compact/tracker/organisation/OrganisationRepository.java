package org.compact.tracker.organisation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganisationRepository extends CrudRepository<Organisation, Long> {
    List<Organisation> listOrderByName();

    List<Organisation> findByIdInList(List<Long> ids);

    List<Long> findIdByMailAndIdInList(MailFrequency mail, List<Long> ids);
}
