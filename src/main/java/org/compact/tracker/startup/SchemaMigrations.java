package org.compact.tracker.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.FlywayMigrator;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Flyway on each data source as it is created, as micronaut-flyway does (same {@code flyway.datasources.*}
 * settings, same {@link FlywayMigrator}), but first asks the database, with one query, whether there is anything to
 * do. When the schema history holds exactly the service's migrations, each applied successfully with the checksum of
 * the script in the jar, Flyway is not started at all: it would only have validated that, and loading it (with the
 * Jackson it configures itself with) cost a third of a second of every start. In every other case (a new migration, a
 * changed script, a failed or unknown row, a newer node's migrations, no history yet, clean-schema) Flyway runs
 * exactly as before and decides. The check can only ever say "nothing to do" when Flyway would have done nothing.
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
@Requires(classes = Flyway.class)
class SchemaMigrations implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final ApplicationContext context;
    private final DataSourceResolver resolver;

    SchemaMigrations(ApplicationContext context, DataSourceResolver resolver) {
        this.context = context;
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        String name = event.getBeanDefinition() instanceof NameResolver names ? names.resolveName().orElse(null) : null;
        if (name == null) {
            return dataSource;
        }
        String prefix = "flyway.datasources." + name + ".";
        if (!context.getProperty(prefix + "enabled", Boolean.class).orElse(false)) {
            return dataSource;
        }
        DataSource target = resolver.resolve(dataSource);
        if (!context.getProperty(prefix + "clean-schema", Boolean.class).orElse(false)
                && upToDate(target, prefix)) {
            return dataSource;
        }
        Optional<FlywayConfigurationProperties> config =
                context.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(name));
        config.ifPresent(flyway -> context.getBean(FlywayMigrator.class).run(flyway, target));
        return dataSource;
    }

    private boolean upToDate(DataSource dataSource, String prefix) {
        String location = context.getProperty(prefix + "locations", String.class).orElse("classpath:db/migration");
        String table = context.getProperty(prefix + "table", String.class).orElse("flyway_schema_history");
        if (location.contains(",") || !location.startsWith("classpath:") || !table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return false;
        }
        Optional<Map<String, Integer>> scripts =
                MigrationScripts.checksums(getClass().getClassLoader(), location.substring("classpath:".length()));
        if (scripts.isEmpty()) {
            return false;
        }
        Optional<Map<String, Integer>> applied = applied(dataSource, table);
        boolean current = applied.isPresent() && applied.get().equals(scripts.get());
        if (current) {
            LOG.info("Schema up to date: {} migrations applied, each as in this release; Flyway not needed",
                    scripts.get().size());
        }
        return current;
    }

    /** Version → checksum of every applied migration, or empty if the history holds anything else or is missing. */
    static Optional<Map<String, Integer>> applied(DataSource dataSource, String table) {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select version, checksum, success, type from " + table)) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(4);
                if (version == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
                    continue; // Flyway's own marker of the history table (or schema) it created
                }
                int checksum = rows.getInt(2);
                boolean checksumNull = rows.wasNull();
                if (version == null || checksumNull || !rows.getBoolean(3) || !"SQL".equals(type)
                        || applied.put(MigrationScripts.normalise(version), checksum) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of(applied);
        } catch (SQLException e) {
            // No history yet (a new database) or one we cannot read: Flyway decides.
            return Optional.empty();
        }
    }
}
