package org.compact.tracker.programme;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.compact.tracker.support.PostgresDatabases;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each node keeps the public answers it built, and a change made on another node is in its next answer: two nodes
 * on one database (a shared H2 file in the H2 run, a PostgreSQL database in the PostgreSQL run), the second having
 * kept the programme before the first changes a consultation.
 */
class PublicCacheAcrossNodesIT {

    @Test
    void aChangeOnOneNodeIsInTheOtherNodesNextAnswerThoughItKeptTheOldOne() throws Exception {
        Map<String, Object> props;
        if ("true".equals(System.getProperty("tracker.test.postgres"))) {
            props = PostgresDatabases.sharedDatabaseProperties(PostgresDatabases.newDatabase());
        } else {
            props = new HashMap<>();
            props.put("datasources.default.url", "jdbc:h2:file:./target/test-db/public-cache-" + UUID.randomUUID()
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
            World world = World.create(one);
            Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(3));
            body.put("title", "Weaste library hours");
            long id = world.register(body);

            List<String> routes = List.of("/programme", "/programme.ics", "/programme.atom", "/programme.csv",
                    "/api/programme", "/api/programme?agency=" + world.agencyId);
            for (String route : routes) {
                String answer = get(two, route);
                assertThat(answer).as(route).contains("Weaste library hours");
                assertEquals(answer, get(two, route), route + ": kept on the second node");
                assertThat(get(one, route)).as(route).contains("Weaste library hours");
            }

            var changed = world.officer.patch("/api/consultations/" + id, Map.of("title", "Weaste library opening times"));
            assertEquals(200, changed.status(), changed::toString);

            for (String route : routes) {
                String answer = get(two, route);
                assertThat(answer).as(route + " on the second node")
                        .contains("Weaste library opening times").doesNotContain("Weaste library hours");
                assertThat(get(one, route)).as(route + " on the first node")
                        .contains("Weaste library opening times").doesNotContain("Weaste library hours");
            }
        }
    }

    private static String get(HttpClient client, String route) {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET(route), String.class);
        assertEquals(200, r.code(), route);
        return r.body();
    }
}
