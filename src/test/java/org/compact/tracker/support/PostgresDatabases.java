package org.compact.tracker.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real PostgreSQL server (embedded binaries from Maven) for the whole test JVM, and a fresh database for each
 * application context that asks, so test classes never see each other's rows.
 */
public final class PostgresDatabases {
    private static EmbeddedPostgres server;

    private PostgresDatabases() {
    }

    /**
     * The settings that point application contexts at one new database, for tests whose contexts must share it (the
     * nodes of a cluster): the URL is kept ({@code tracker.test.keep-url}), not replaced per context.
     */
    public static Map<String, Object> sharedDatabaseProperties(String url) {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", url);
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "");
        props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        props.put("tracker.test.keep-url", "true");
        return props;
    }

    public static synchronized String newDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
            }
            String name = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
    }
}
