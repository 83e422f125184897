package org.compact.tracker.support;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RegisterStampRepository extends GenericRepository<RegisterStampRow, Integer> {
    /** The stamp, read as the row. */
    Optional<RegisterStampRow> findById(Integer id);

    /** Moves the stamp to a value never used before; 1 when the row was there. */
    @Query("UPDATE register_stamp SET stamp = nextval('register_stamp_seq') WHERE id = 1")
    int move();
}
