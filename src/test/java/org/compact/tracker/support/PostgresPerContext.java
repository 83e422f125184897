package org.compact.tracker.support;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * When the suite runs on PostgreSQL ({@code -Dtracker.test.postgres=true}, the failsafe "postgres" execution), gives
 * each application context its own fresh PostgreSQL database instead of the H2 file of application-test.yml.
 * A test that must reopen the same database across contexts sets {@code tracker.test.keep-url=true}.
 */
@Singleton
@Requires(property = "tracker.test.postgres", value = "true")
@Requires(property = "tracker.test.keep-url", notEquals = "true")
class PostgresPerContext implements BeanCreatedEventListener<DatasourceConfiguration> {
    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        config.setJdbcUrl(PostgresDatabases.newDatabase());
        config.setUrl(config.getJdbcUrl());
        config.setUsername("postgres");
        config.setPassword("");
        config.setDriverClassName("org.postgresql.Driver");
        return config;
    }
}
