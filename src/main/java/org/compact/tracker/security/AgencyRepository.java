package org.compact.tracker.security;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AgencyRepository extends CrudRepository<Agency, Long> {
    @io.micronaut.data.annotation.Query("SELECT * FROM agency WHERE LOWER(name) = LOWER(:name)")
    Optional<Agency> findByNameIgnoringCase(String name);

    List<Agency> listOrderByName();
}
