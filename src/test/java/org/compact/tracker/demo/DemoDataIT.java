package org.compact.tracker.demo;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo environment gives a newcomer a living system: consultations in every status a user can reach today. */
@MicronautTest(environments = "demo", transactional = false)
@io.micronaut.context.annotation.Property(name = "datasources.default.url",
        value = "jdbc:h2:file:./target/test-db/demo-${random.shortuuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0")
class DemoDataIT {
    // The demo environment keeps its database in ./data/demo; the test gets a fresh one of its own, so it neither
    // writes into a developer's demo database nor finds one an older version filled.
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void loadsAPartnershipWithConsultationsInEveryReachableStatus() {
        Api admin = Api.admin(client);
        List<Map<String, Object>> consultations = admin.get("/api/consultations").list();
        assertThat(consultations).extracting(c -> c.get("status"))
                .contains("PLANNED", "NOTIFIED", "OPEN", "CLOSED", "FEEDBACK_GIVEN", "WITHDRAWN");
        assertThat(admin.get("/api/organisations").list()).hasSize(30);
        assertThat(admin.get("/api/agencies").list()).extracting(a -> a.get("name")).contains("Salford City Council");

        Api olivia = Api.login(client, "olivia", Api.ADMIN_PASSWORD);
        Map<String, Object> answered = consultations.stream().filter(c -> "FEEDBACK_GIVEN".equals(c.get("status"))).findFirst().orElseThrow();
        List<Map<String, Object>> history = olivia.get("/api/consultations/" + answered.get("id") + "/history").list();
        assertThat(history).extracting(h -> h.get("kind"))
                .containsExactly("CREATED", "NOTIFIED", "OPENED", "CLOSED", "FEEDBACK_GIVEN");
        Map<String, Object> closed = consultations.stream().filter(c -> "CLOSED".equals(c.get("status"))).findFirst().orElseThrow();
        assertEquals(200, olivia.get("/api/consultations/" + closed.get("id")).status());

        // The NHS trust consults on mental health services jointly with the council, whose officers may read its people
        Map<String, Object> joint = consultations.stream()
                .filter(c -> "Changes to community mental health services".equals(c.get("title"))).findFirst().orElseThrow();
        long council = admin.get("/api/agencies").list().stream().filter(a -> "Salford City Council".equals(a.get("name")))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
        assertEquals(List.of(council), ((List<?>) joint.get("partnerAgencyIds")).stream()
                .map(x -> ((Number) x).longValue()).toList());
        assertEquals(200, olivia.get("/api/consultations/" + joint.get("id") + "/concerns").status());
    }
}
