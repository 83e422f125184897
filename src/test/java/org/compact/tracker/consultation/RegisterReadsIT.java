package org.compact.tracker.consultation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.ConsultationStamps;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The register's reads reuse what they computed while nothing changed (the consultation's stamp and the directory's,
 * the register stamp for the list): these show that every kind of change a reader could see — another consultation
 * asking the same groups, moved or withdrawn, a change to the directory, an exemption, and simply the next day —
 * shows in the very next read, never a stale answer; and that a change forgets only the consultations it can alter.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "tracker.rules.overload.concurrent", value = "1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterReadsIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ConsultationStamps stamps;

    @Inject
    TargetTable targets;

    @Inject
    DataSource dataSource;

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

    @Test
    void aChangeForgetsOnlyTheConsultationsWhoseChecksItCanAlter() {
        long kersalYouth = world.organisationIds.get(1);
        LocalDate opens = LocalDate.of(2028, 2, 1);
        long mine = world.register(askingOnly(kersalYouth, opens, "Kersal skate park"));
        long near = world.register(askingOnly(kersalYouth, opens.plusWeeks(1), "Kersal library hours"));
        long far = world.register(askingOnly(kersalYouth, opens.plusYears(2), "Kersal bus routes"));
        Map<String, Object> overload = check(mine, "OVERLOAD");
        assertEquals("WARN", overload.get("verdict"), overload::toString);
        assertThat((String) overload.get("reason")).contains("Kersal Youth");
        long mineBefore = stampOf(mine);
        long farBefore = stampOf(far);
        long nearBefore = stampOf(near);

        // A new summary of the near consultation alters no other consultation's checks: only its own is forgotten.
        Api.Reply summary = world.officer.patch("/api/consultations/" + near,
                Map.of("summary", "Tell us which evenings the library should stay open, and what you would use it for."));
        assertEquals(200, summary.status(), summary::toString);
        assertThat(stampOf(near)).isGreaterThan(nearBefore);
        assertEquals(mineBefore, stampOf(mine), "a summary changes no other consultation's checks");
        assertEquals(farBefore, stampOf(far));
        assertThat((String) world.officer.get("/api/consultations/" + near).at("summary")).startsWith("Tell us which");

        // Moving the near one a year on takes it out of this one's OVERLOAD: forgotten, and the next read shows it.
        LocalDate later = opens.plusYears(1);
        Api.Reply moved = world.officer.patch("/api/consultations/" + near, Map.of("opensOn", later.toString(),
                "closesOn", later.plusWeeks(12).toString(), "decisionDate", later.plusMonths(6).toString()));
        assertEquals(200, moved.status(), moved::toString);
        assertThat(stampOf(mine)).isGreaterThan(mineBefore);
        assertEquals(farBefore, stampOf(far), "two years away, its OVERLOAD never counted either date");
        assertEquals("PASS", check(mine, "OVERLOAD").get("verdict"), () -> check(mine, "OVERLOAD").toString());
    }

    @Test
    void theTargetsOfConsultationsRegisteredBeforeTheUpgradeAreFilledInOnceAtTheNextStart() throws Exception {
        long kersalYouth = world.organisationIds.get(1);
        LocalDate opens = LocalDate.of(2031, 3, 1);
        long one = world.register(askingOnly(kersalYouth, opens, "Kersal allotments"));
        long two = world.register(askingOnly(kersalYouth, opens.plusWeeks(2), "Kersal street lights"));
        assertEquals("WARN", check(one, "OVERLOAD").get("verdict"));

        // As a database before V27 stands: no rows of targets, the table not yet filled.
        try (Connection db = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM consultation_target");
            sql.executeUpdate("UPDATE consultation_target_state SET built = FALSE");
        }
        targets.onStartup(null);
        targets.onStartup(null); // a second node, or a restart: it finds the table filled and does nothing more

        Api.Reply renamed = world.officer.patch("/api/consultations/" + one, Map.of("title", "Kersal allotments, renamed"));
        assertEquals(200, renamed.status(), renamed::toString);
        Map<String, Object> overload = check(one, "OVERLOAD");
        assertEquals("WARN", overload.get("verdict"), overload::toString);
        assertThat((String) overload.get("reason")).contains("Kersal Youth").contains("2 at once");
        assertEquals("WARN", check(two, "OVERLOAD").get("verdict"));
    }

    private Map<String, Object> askingOnly(long organisationId, LocalDate opens, String title) {
        Map<String, Object> body = world.consultation(opens);
        body.put("title", title + " " + System.nanoTime());
        body.put("areas", List.of("Kersal"));
        body.put("targets", Map.of("organisationIds", List.of(organisationId)));
        return body;
    }

    private long stampOf(long id) {
        return stamps.current(id).orElseThrow().consultation();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> check(long id, String ruleId) {
        Api.Reply reply = world.officer.get("/api/consultations/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.at("checks")).stream()
                .filter(c -> ruleId.equals(c.get("ruleId"))).findFirst().orElseThrow();
    }

}
