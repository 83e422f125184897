package org.compact.tracker.scheduling;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface JobRunRepository extends CrudRepository<JobRun, Long> {
    List<JobRun> findTop20ByWorkOrderByIdDesc(String work);

    long countByWork(String work);
}
