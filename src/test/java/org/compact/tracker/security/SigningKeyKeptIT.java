package org.compact.tracker.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.PostgresDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without TRACKER_JWT_SECRET the key that signs sign-in tokens is made once and kept in the database: a restart
 * keeps officers signed in and every node accepts the others' tokens. Rotating it (a configured secret, or the kept
 * one deleted) ends every session. Nodes share one database: an H2 file in the H2 run, PostgreSQL in the other.
 */
class SigningKeyKeptIT {

    private static Map<String, Object> sharedDatabase() {
        Map<String, Object> props;
        if ("true".equals(System.getProperty("tracker.test.postgres"))) {
            props = PostgresDatabases.sharedDatabaseProperties(PostgresDatabases.newDatabase());
        } else {
            props = new HashMap<>();
            props.put("datasources.default.url", "jdbc:h2:file:./target/test-db/jwt-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            props.put("tracker.test.keep-url", "true");
        }
        props.put("tracker.jobs.enabled", "false");
        props.put("micronaut.server.port", -1);
        return props;
    }

    private static ApplicationContext node(Map<String, Object> props) {
        return ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
    }

    private static Api anonymous(ApplicationContext node) {
        return Api.anonymous(node.createBean(HttpClient.class, node.getBean(EmbeddedServer.class).getURL()));
    }

    private static Api admin(ApplicationContext node) {
        return Api.login(node.createBean(HttpClient.class, node.getBean(EmbeddedServer.class).getURL()),
                "admin", Api.ADMIN_PASSWORD);
    }

    private static int usersVia(Api signedIn, ApplicationContext node) {
        return signedIn.via(node.createBean(HttpClient.class, node.getBean(EmbeddedServer.class).getURL()))
                .get("/api/users").status();
    }

    @Test
    void everyNodeAndEveryRestartAcceptsTheTokensOfTheOthers() {
        Map<String, Object> props = sharedDatabase();
        Api signedIn;
        try (ApplicationContext first = node(props); ApplicationContext second = node(props)) {
            signedIn = admin(first);
            assertEquals(200, usersVia(signedIn, first));
            assertEquals(200, usersVia(signedIn, second), "a token made on one node works on the other");
        }
        try (ApplicationContext restarted = node(props)) {
            assertEquals(200, usersVia(signedIn, restarted), "a token made before a restart works after it");
        }
    }

    @Test
    void rotatingTheKeyEndsEverySession() throws Exception {
        Map<String, Object> props = sharedDatabase();
        Api signedIn;
        try (ApplicationContext first = node(props)) {
            signedIn = admin(first);
            assertEquals(200, usersVia(signedIn, first));
            try (Connection c = DelegatingDataSource.unwrapDataSource(first.getBean(DataSource.class)).getConnection();
                 Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("DELETE FROM app_setting WHERE name = '" + JwtSigningKey.STORED + "'"));
            }
        }
        try (ApplicationContext afterDeleting = node(props)) {
            assertEquals(401, usersVia(signedIn, afterDeleting), "the kept key was made anew: old tokens end");
            Api again = admin(afterDeleting);
            assertEquals(200, usersVia(again, afterDeleting));

            Map<String, Object> configured = new HashMap<>(props);
            configured.put("tracker.jwt.secret", "a-secret-set-by-the-operator-0123456789-abcdef");
            try (ApplicationContext withSecret = node(configured)) {
                assertEquals(401, usersVia(again, withSecret), "a configured secret wins over the kept one");
                assertEquals(200, usersVia(admin(withSecret), withSecret));
            }
        }
    }
}
