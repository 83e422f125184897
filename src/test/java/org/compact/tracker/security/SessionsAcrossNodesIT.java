package org.compact.tracker.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.PostgresDatabases;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A session ended on one node is ended on every node at its next request: two nodes on one database (a shared H2
 * file in the H2 run, a PostgreSQL database in the PostgreSQL run), each keeping what it knows of users in memory.
 */
class SessionsAcrossNodesIT {

    @Test
    void aTokenEndedOnOneNodeIsRefusedOnTheOther() throws Exception {
        Map<String, Object> props;
        if ("true".equals(System.getProperty("tracker.test.postgres"))) {
            props = PostgresDatabases.sharedDatabaseProperties(PostgresDatabases.newDatabase());
        } else {
            props = new HashMap<>();
            props.put("datasources.default.url", "jdbc:h2:file:./target/test-db/sessions-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            props.put("tracker.test.keep-url", "true");
        }
        props.put("tracker.jobs.enabled", "false");
        props.put("tracker.jwt.secret", "a-secret-shared-by-every-node-of-the-cluster-0123456789");
        props.put("micronaut.server.port", -1);

        try (ApplicationContext first = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
             ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext()) {
            HttpClient one = first.createBean(HttpClient.class, first.getBean(EmbeddedServer.class).getURL());
            HttpClient two = second.createBean(HttpClient.class, second.getBean(EmbeddedServer.class).getURL());
            Api admin = Api.admin(one);
            long agency = ((Number) admin.get("/api/agencies").list().get(0).get("id")).longValue();
            for (String name : List.of("ann", "bob")) {
                assertEquals(201, admin.post("/api/users", Map.of("username", name, "password", "a-password-of-length",
                        "email", name + "@example.org", "agencyId", agency, "roles", List.of("OFFICER"))).status());
            }
            Api ann = Api.login(one, "ann", "a-password-of-length");
            Api bob = Api.login(one, "bob", "a-password-of-length");
            assertEquals(200, ann.via(two).get("/api/users").status(), "the second node knows ann's session");
            assertEquals(200, bob.via(two).get("/api/users").status());

            assertEquals(204, ann.post("/logout").status(), "signed out on the first node");
            long bobId = admin.get("/api/users").list().stream().filter(u -> "bob".equals(u.get("username")))
                    .map(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
            assertEquals(200, admin.patch("/api/users/" + bobId, Map.of("enabled", false)).status());

            assertEquals(401, ann.via(two).get("/api/users").status(), "ann's token is refused on the second node");
            assertEquals(401, bob.via(two).get("/api/users").status(), "a user disabled on one node is out on both");
            assertEquals(200, admin.via(two).get("/api/users").status(), "others' sessions go on");
        }
    }
}
