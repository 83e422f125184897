package org.compact.tracker.organisation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactChangeRepository extends CrudRepository<ContactChange, Long> {
    List<ContactChange> findByOrganisationIdAndStateInListOrderById(Long organisationId, List<ContactChange.State> states);

    List<ContactChange> findByStateInListAndConfirmUntilLessThanEqualsOrderById(List<ContactChange.State> states, Instant until);
}
