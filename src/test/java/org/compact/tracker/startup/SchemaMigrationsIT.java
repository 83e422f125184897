package org.compact.tracker.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restart on an up-to-date database does not start Flyway; every other case still goes through Flyway, which
 * migrates, or refuses a changed script, exactly as before.
 */
class SchemaMigrationsIT {
    static final AtomicInteger FLYWAY_RUNS = new AtomicInteger();

    /** Counts Flyway's migrations (micronaut-flyway publishes the event after each). */
    @Singleton
    @Requires(property = "tracker.test.count-migrations", value = "true")
    static class CountMigrations implements ApplicationEventListener<MigrationFinishedEvent> {
        @Override
        public void onApplicationEvent(MigrationFinishedEvent event) {
            FLYWAY_RUNS.incrementAndGet();
        }
    }

    private final String url = "jdbc:h2:file:./target/test-db/schema-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    @Test
    void aNewDatabaseIsMigratedByFlywayAndARestartFindsNothingToDo() {
        int before = FLYWAY_RUNS.get();
        start().close();
        assertThat(FLYWAY_RUNS.get() - before).as("Flyway migrated the new database").isEqualTo(1);

        try (ApplicationContext again = start()) {
            assertThat(FLYWAY_RUNS.get() - before).as("Flyway was not started on the restart").isEqualTo(1);
            assertThat(again.getBean(DataSource.class)).isNotNull();
        }
    }

    @Test
    void theChecksumsReadFromTheJarAreTheOnesFlywayRecorded() throws Exception {
        start().close();

        Optional<Map<String, Integer>> scripts = MigrationScripts.checksums(getClass().getClassLoader(), "db/migration");
        org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL(url);
        database.setUser("sa");
        Optional<Map<String, Integer>> applied = SchemaMigrations.applied(database, "flyway_schema_history");

        assertThat(scripts).isPresent();
        assertThat(scripts.get()).containsKeys("1", "12");
        assertThat(applied).contains(scripts.get());
    }

    @Test
    void aScriptChangedAfterItWasAppliedIsStillRefusedByFlywaysValidation() throws Exception {
        startAndRun("update flyway_schema_history set checksum = checksum + 1 where version = '3'");
        int before = FLYWAY_RUNS.get();

        ApplicationContext refused = ApplicationContext.builder(properties(), "test").build();
        try {
            assertThatThrownBy(refused::start).hasStackTraceContaining("checksum mismatch")
                    .hasStackTraceContaining("3");
        } finally {
            refused.close();
        }
        assertThat(FLYWAY_RUNS.get()).isEqualTo(before);
    }

    @Test
    void aDatabaseANewerReleaseMigratedStillStartsThroughFlyway() throws Exception {
        startAndRun("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) values (999, '999', 'from a newer release', 'SQL', "
                + "'V999__from_a_newer_release.sql', 1, 'sa', 1, true)");
        int before = FLYWAY_RUNS.get();

        try (ApplicationContext started = start()) {
            assertThat(FLYWAY_RUNS.get() - before).as("Flyway ran and accepted the future migration").isEqualTo(1);
        }
    }

    private ApplicationContext start() {
        return ApplicationContext.run(properties(), "test");
    }

    /** Starts the service on the database, runs one statement on it there, and stops it. */
    private void startAndRun(String statement) throws Exception {
        try (ApplicationContext context = start();
             Connection c = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", url);
        props.put("tracker.test.keep-url", true);
        props.put("tracker.test.count-migrations", true);
        props.put("tracker.jobs.scheduler-name", "schema-it-" + UUID.randomUUID());
        props.put("micronaut.server.port", -1);
        return props;
    }
}
