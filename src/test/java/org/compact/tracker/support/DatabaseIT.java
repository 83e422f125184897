package org.compact.tracker.support;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The suite really runs on the database it says: H2 by default, PostgreSQL in the failsafe "postgres" execution. */
@MicronautTest(transactional = false)
class DatabaseIT {
    @Inject
    DataSource dataSource;

    @Property(name = "tracker.test.postgres")
    @Nullable
    String postgres;

    @Test
    void theSuiteRunsOnTheDatabaseItClaims() throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            assertEquals("true".equals(postgres) ? "PostgreSQL" : "H2", product);
        }
    }
}
