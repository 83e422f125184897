package org.compact.tracker.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.PostgresDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sign-in throttling holds across the nodes of a cluster: the failures counted on one node lock the username out on
 * the other (each node counted in its own memory before, so n nodes allowed n times the guesses). Two nodes on one
 * database: a shared H2 file in the H2 run, a PostgreSQL database in the PostgreSQL run.
 */
class SignInThrottleAcrossNodesIT {

    @Test
    void failuresOnOneNodeLockTheUsernameOutOnTheOther() throws Exception {
        Map<String, Object> props;
        if ("true".equals(System.getProperty("tracker.test.postgres"))) {
            props = PostgresDatabases.sharedDatabaseProperties(PostgresDatabases.newDatabase());
        } else {
            props = new HashMap<>();
            props.put("datasources.default.url", "jdbc:h2:file:./target/test-db/throttle-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            props.put("tracker.test.keep-url", "true");
        }
        props.put("tracker.jobs.enabled", "false");
        props.put("tracker.login-throttle.max-failures", "3");
        props.put("tracker.jwt.secret", "a-secret-shared-by-every-node-of-the-cluster-0123456789");
        props.put("micronaut.server.port", -1);

        try (ApplicationContext first = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
             ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext()) {
            Api viaFirst = Api.anonymous(first.createBean(HttpClient.class, first.getBean(EmbeddedServer.class).getURL()));
            Api viaSecond = Api.anonymous(second.createBean(HttpClient.class, second.getBean(EmbeddedServer.class).getURL()));
            assertEquals(200, login(viaSecond, Api.ADMIN_PASSWORD).status(), "the right password works at first");

            for (int i = 0; i < 3; i++) {
                assertEquals(401, login(viaFirst, "a wrong guess " + i).status());
            }

            Api.Reply refused = login(viaSecond, Api.ADMIN_PASSWORD);
            assertEquals(401, refused.status(), "locked out on the other node too, even with the right password: "
                    + refused);

            DataSource ds = DelegatingDataSource.unwrapDataSource(first.getBean(DataSource.class));
            List<String> keys = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT key_sha FROM throttle_lock UNION ALL SELECT key_sha FROM throttle_event")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            assertThat(keys).as("what is counted is stored as digests, never as the username typed").isNotEmpty()
                    .allMatch(k -> k.matches("[0-9a-f]{64}"));
        }
    }

    private static Api.Reply login(Api api, String password) {
        return api.send(HttpRequest.POST("/login", Map.of("username", "admin", "password", password)));
    }
}
