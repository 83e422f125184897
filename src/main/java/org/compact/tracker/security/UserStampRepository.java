package org.compact.tracker.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserStampRepository extends GenericRepository<UserStampRow, Integer> {
    Optional<UserStampRow> findById(Integer id);

    /** Moves the stamp to a value never used before; 1 when the row was there. */
    @Query("UPDATE user_stamp SET stamp = nextval('user_stamp_seq') WHERE id = 1")
    int move();
}
