package org.compact.tracker.consultation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The register's reads reuse what they computed while nothing changed (the register stamp): these show that every
 * kind of change a reader could see — another consultation asking the same groups, a withdrawal, a change to the
 * directory, an exemption, and simply the next day — shows in the very next read, never a stale answer.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "tracker.rules.overload.concurrent", value = "1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterReadsIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
        Api.Reply moved = world.admin.put("/api/sim/clock",
                Map.of("now", LocalDate.of(2027, 3, 1).atTime(9, 0).atZone(LONDON).toInstant().toString()));
        assertEquals(200, moved.status(), moved::toString);
    }

    @Test
    void aConsultationsChecksFollowEveryChangeToTheRegisterAndTheDirectory() {
        LocalDate opens = LocalDate.of(2027, 6, 1);
        Map<String, Object> body = world.consultation(opens);
        body.put("title", "Ordsall play areas " + System.nanoTime());
        long first = world.register(body);
        assertEquals("PASS", check(first, "OVERLOAD").get("verdict"));
        assertEquals("PASS", check(first, "OVERLOAD").get("verdict"), "asked twice, same answer");

        // Another consultation asking the same Ordsall groups at the same time: over the limit of 1.
        long second = world.register(world.consultation(opens.plusWeeks(1)));
        Map<String, Object> overload = check(first, "OVERLOAD");
        assertEquals("WARN", overload.get("verdict"), overload::toString);
        assertThat((String) overload.get("reason")).contains("Ordsall Tenants", "Salford Deaf Forum");

        // A group leaves Ordsall (the directory changes): it is no longer asked, so no longer over-consulted.
        long deafForum = world.organisationIds.get(2);
        Api.Reply moved = world.officer.patch("/api/organisations/" + deafForum, Map.of("areas", List.of("Eccles")));
        assertEquals(200, moved.status(), moved::toString);
        overload = check(first, "OVERLOAD");
        assertThat((String) overload.get("reason")).contains("Ordsall Tenants").doesNotContain("Salford Deaf Forum");

        // An exemption with its reason turns the warning into EXEMPT.
        Api.Reply exempted = world.officer.post("/api/consultations/" + first + "/exemptions",
                Map.of("ruleId", "OVERLOAD", "reason", "The two consultations share one drop-in session."));
        assertEquals(201, exempted.status(), exempted::toString);
        assertEquals("EXEMPT", check(first, "OVERLOAD").get("verdict"));
        assertEquals(1, ((List<?>) world.officer.get("/api/consultations/" + first).at("exemptions")).size());

        // The other consultation is withdrawn: it no longer counts, for the consultation that had no exemption.
        long third = world.register(world.consultation(opens.plusWeeks(2)));
        assertEquals("WARN", check(third, "OVERLOAD").get("verdict"));
        Api.Reply withdrawn = world.officer.post("/api/consultations/" + second + "/withdraw",
                Map.of("reason", "Merged into the play areas consultation."));
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        Api.Reply withdrawnFirst = world.officer.post("/api/consultations/" + first + "/withdraw",
                Map.of("reason", "Merged into the later consultation."));
        assertEquals(200, withdrawnFirst.status(), withdrawnFirst::toString);
        assertEquals("PASS", check(third, "OVERLOAD").get("verdict"));
    }

    @Test
    void theNextDayIsJudgedAfreshWithoutAnyChange() {
        LocalDate today = world.today();
        long id = world.register(world.consultation(today.plusMonths(1).plusDays(3)));
        assertEquals("PASS", check(id, "NOTICE").get("verdict"), () -> check(id, "NOTICE").toString());

        Api.Reply moved = world.admin.put("/api/sim/clock",
                Map.of("now", today.plusDays(10).atTime(9, 0).atZone(LONDON).toInstant().toString()));
        assertEquals(200, moved.status(), moved::toString);
        Map<String, Object> notice = check(id, "NOTICE");
        assertEquals("FAIL", notice.get("verdict"), notice::toString);
    }

    @Test
    void aPageOfTheListShowsANewConsultationAndAChangeOfStatusAtOnce() {
        String query = "/api/consultations?agency=" + world.agencyId + "&status=PLANNED&size=500";
        int before = world.officer.get(query).list().size();
        Map<String, Object> body = world.consultation(LocalDate.of(2027, 9, 1));
        body.put("title", "Listed at once " + System.nanoTime());
        long id = world.register(body);
        List<Map<String, Object>> after = world.officer.get(query).list();
        assertEquals(before + 1, after.size());
        assertThat(after).anySatisfy(c -> assertEquals(body.get("title"), c.get("title")));

        Api.Reply renamed = world.officer.patch("/api/consultations/" + id, Map.of("title", "Renamed at once"));
        assertEquals(200, renamed.status(), renamed::toString);
        assertThat(world.officer.get(query).list()).anySatisfy(c -> assertEquals("Renamed at once", c.get("title")));

        world.officer.post("/api/consultations/" + id + "/withdraw", Map.of("reason", "No longer needed."));
        assertEquals(before, world.officer.get(query).list().size());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> check(long id, String ruleId) {
        Api.Reply reply = world.officer.get("/api/consultations/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.at("checks")).stream()
                .filter(c -> ruleId.equals(c.get("ruleId"))).findFirst().orElseThrow();
    }

}
