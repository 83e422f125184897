package org.compact.tracker.feedback;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Participants who agreed to hear back: added by the consultation's own officers, imported whole or not at all,
 * and able to withdraw consent by the signed link in their mail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantsIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ParticipantService participants;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    void anOfficerAddsAParticipantAndEveryReaderSeesThem() {
        long id = consultation();
        LocalDate consented = LocalDate.now(LONDON).minusMonths(2);
        Api.Reply added = world.officer.post(uri(id), Map.of("name", "Ordsall Tenants", "email", "Chair@Ordsall.example",
                "consentAt", consented.toString()));

        assertEquals(201, added.status(), added::toString);
        assertEquals("chair@ordsall.example", added.at("email"));
        assertEquals("OFFICER", added.at("source"));
        assertEquals(world.officerName, added.at("addedBy"));
        assertEquals(consented.atStartOfDay(LONDON).toInstant(), Instant.parse((String) added.at("consentAt")));
        Api.Reply listed = world.officer.get(uri(id));
        assertEquals(200, listed.status(), listed::toString);
        assertThat(listed.list()).extracting(p -> p.get("name")).containsExactly("Ordsall Tenants");
        assertThat(world.monitor.get(uri(id)).list()).hasSize(1);
        assertThat(world.admin.get(uri(id)).list()).hasSize(1);
    }

    @Test
    void consentDefaultsToNow() {
        long id = consultation();
        Api.Reply added = world.officer.post(uri(id), Map.of("name", "Kersal Youth", "email", "youth@kersal.example"));
        assertEquals(201, added.status(), added::toString);
        assertNotNull(added.at("consentAt"));
    }

    @Test
    void theSameEmailTwiceOnOneConsultationIs422NamingEmail() {
        long id = consultation();
        assertEquals(201, world.officer.post(uri(id), Map.of("name", "Aisha Khan", "email", "aisha@example.org")).status());

        Api.Reply again = world.officer.post(uri(id), Map.of("name", "Aisha K.", "email", " AISHA@example.org "));

        assertEquals(422, again.status(), again::toString);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(fields(again)).containsExactly("email");
        assertThat(world.officer.get(uri(id)).list()).hasSize(1);
    }

    @Test
    void aBlankNameABadEmailAndABadDateAreEachNamed() {
        long id = consultation();
        Api.Reply bad = world.officer.post(uri(id), Map.of("name", "  ", "email", "not an address", "consentAt", "last week"));

        assertEquals(422, bad.status(), bad::toString);
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "email", "consentAt");
    }

    @Test
    void anOfficerOfAnotherAgencyIsRefused() {
        long id = consultation();
        Api.Reply add = world.otherOfficer.post(uri(id), Map.of("name", "Mallory", "email", "mallory@example.org"));
        assertEquals(403, add.status(), add::toString);
        assertEquals(403, world.otherOfficer.get(uri(id)).status(), "names and addresses stay with the agency");
        assertEquals(403, csv(world.otherOfficer, id, "name,email\nMallory,mallory@example.org\n").status());
        assertThat(world.officer.get(uri(id)).list()).isEmpty();
    }

    @Test
    void aMonitorReadsButCannotAddOrImport() {
        long id = consultation();
        assertEquals(403, world.monitor.post(uri(id), Map.of("name", "Monty", "email", "monty@example.org")).status());
        assertEquals(403, csv(world.monitor, id, "name,email\nMonty,monty@example.org\n").status());
        assertEquals(200, world.monitor.get(uri(id)).status());
    }

    @Test
    void anUnknownConsultationIs404() {
        assertEquals(404, world.officer.get(uri(987_654)).status());
        assertEquals(404, world.officer.post(uri(987_654), Map.of("name", "A", "email", "a@example.org")).status());
        assertEquals(404, csv(world.officer, 987_654, "name,email\nA,a@example.org\n").status());
    }

    @Test
    void aFileWithOneBadLineImportsNothingAndNamesTheLine() {
        long id = consultation();
        world.officer.post(uri(id), Map.of("name", "Already Here", "email", "here@example.org"));
        String file = """
                email,name,consent_at
                zoe@example.org,Zoe Ng,%s
                sam@example.org,Sam Hall,
                ann@example,Ann Lee,
                here@example.org,Already Here Again,
                """.formatted(LocalDate.now(LONDON).minusDays(3));

        Api.Reply refused = csv(world.officer, id, file);

        assertEquals(422, refused.status(), refused::toString);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactly("line 4: email", "line 5: email");
        assertThat(refused.body()).contains("Nothing was imported");
        assertThat(world.officer.get(uri(id)).list()).extracting(p -> p.get("email")).containsExactly("here@example.org");
    }

    @Test
    void aGoodFileImportsEveryone() {
        long id = consultation();
        Instant evening = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String file = """
                name,email,consent_at
                Zoe Ng,zoe@example.org,%s
                "Ordsall Tenants, Chair",chair@ordsall.example,%s
                Siân Łukasz,sian@example.org,
                """.formatted(LocalDate.now(LONDON).minusDays(3), evening);

        Api.Reply imported = csv(world.officer, id, file);

        assertEquals(200, imported.status(), imported::toString);
        assertEquals(3, ((Number) imported.at("imported")).intValue());
        List<Map<String, Object>> listed = world.officer.get(uri(id)).list();
        assertThat(listed).extracting(p -> p.get("name")).containsExactly("Zoe Ng", "Ordsall Tenants, Chair", "Siân Łukasz");
        assertThat(listed.get(0)).containsOnlyKeys("id", "consultationId", "name", "email", "source", "consentAt",
                "addedBy", "addedAt");
        assertThat(listed).allSatisfy(p -> assertEquals("CSV", p.get("source")));
        assertEquals(evening, Instant.parse((String) listed.get(1).get("consentAt")));
    }

    @Test
    void tenThousandRowsImportInOneGo() {
        long id = consultation();
        StringBuilder file = new StringBuilder("name,email\n");
        for (int i = 1; i <= ParticipantCsv.MAX_ROWS; i++) {
            file.append("Participant ").append(i).append(",p").append(i).append("@example.org\n");
        }
        Api.Reply imported = csv(world.officer, id, file.toString());
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(ParticipantCsv.MAX_ROWS, ((Number) imported.at("imported")).intValue());
        assertThat(participants.consenting(id)).hasSize(ParticipantCsv.MAX_ROWS);
    }

    @Test
    void anImportThatIsNotCsvIsRefused() {
        long id = consultation();
        Api.Reply json = world.officer.post(uri(id) + "/import", Map.of("name", "Zoe", "email", "zoe@example.org"));
        assertEquals(415, json.status(), json::toString);
    }

    @Test
    void consentIsWithdrawnByTheLinkAndAGetChangesNothing() {
        long id = consultation();
        world.officer.post(uri(id), Map.of("name", "Zoe Ng", "email", "zoe@example.org"));
        world.officer.post(uri(id), Map.of("name", "Sam Hall", "email", "sam@example.org"));
        Participant zoe = participants.list(id).stream().filter(p -> p.email().equals("zoe@example.org")).findFirst().orElseThrow();
        URI link = URI.create(participants.withdrawLink(zoe));
        String path = link.getRawPath() + "?" + link.getRawQuery();
        assertEquals("/o/participant/withdraw", link.getRawPath());

        Api.Reply page = Api.anonymous(client).get(path);
        assertEquals(200, page.status(), page::toString);
        assertThat(page.body()).contains("<form method=\"post\"").contains("New homes in Ordsall");
        assertThat(participants.consenting(id)).extracting(Participant::email).contains("zoe@example.org");

        Api.Reply withdrawn = Api.anonymous(client).send(HttpRequest.POST(path, "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(200, withdrawn.status(), withdrawn::toString);

        assertThat(participants.consenting(id)).extracting(Participant::email).containsExactly("sam@example.org");
        Map<String, Object> listed = world.officer.get(uri(id)).list().stream()
                .filter(p -> "zoe@example.org".equals(p.get("email"))).findFirst().orElseThrow();
        assertNotNull(listed.get("consentWithdrawnAt"));
        assertNull(world.officer.get(uri(id)).list().stream().filter(p -> "sam@example.org".equals(p.get("email")))
                .findFirst().orElseThrow().get("consentWithdrawnAt"));

        Api.Reply again = Api.anonymous(client).send(HttpRequest.POST(path, "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(200, again.status(), "withdrawing twice is harmless");
    }

    @Test
    void anOfficerWithdrawsConsentOnAParticipantsBehalfRecordedWithWhoDidIt() {
        long id = consultation();
        long zoe = ((Number) world.officer.post(uri(id), Map.of("name", "Zoe Ng", "email", "zoe@example.org")).at("id")).longValue();
        world.officer.post(uri(id), Map.of("name", "Sam Hall", "email", "sam@example.org"));

        Api.Reply withdrawn = world.officer.post(uri(id) + "/" + zoe + "/withdraw");

        assertEquals(200, withdrawn.status(), withdrawn::toString);
        assertNotNull(withdrawn.at("consentWithdrawnAt"));
        assertThat(participants.consenting(id)).extracting(Participant::email).containsExactly("sam@example.org");
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("CONSENT_WITHDRAWN", last.get("kind"));
        assertEquals(world.officerName, last.get("actor"));
        assertThat((String) last.get("reason")).contains("participant " + zoe).doesNotContain("Zoe").doesNotContain("zoe@");
        assertThat(world.otherOfficer.get("/api/consultations/" + id + "/history").body())
                .as("another agency's officer reads the history, not who the participants are")
                .contains("CONSENT_WITHDRAWN").doesNotContain("Zoe Ng").doesNotContain("zoe@example.org");

        Api.Reply again = world.officer.post(uri(id) + "/" + zoe + "/withdraw");
        assertEquals(409, again.status(), again::toString);
        assertThat((String) again.at("detail")).contains("already withdrew");
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list()).hasSize(history.size());
    }

    @Test
    void withdrawingConsentIsRefusedToMonitorsOtherAgenciesAndOtherConsultationsChangingNothing() {
        long id = consultation();
        long zoe = ((Number) world.officer.post(uri(id), Map.of("name", "Zoe Ng", "email", "zoe@example.org")).at("id")).longValue();
        long elsewhere = consultation();
        int historyBefore = world.officer.get("/api/consultations/" + id + "/history").list().size();

        assertEquals(403, world.monitor.post(uri(id) + "/" + zoe + "/withdraw").status());
        assertEquals(403, world.otherOfficer.post(uri(id) + "/" + zoe + "/withdraw").status());
        assertEquals(404, world.officer.post(uri(elsewhere) + "/" + zoe + "/withdraw").status());

        assertThat(participants.consenting(id)).extracting(Participant::email).containsExactly("zoe@example.org");
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list()).hasSize(historyBefore);
        assertThat(world.officer.get("/api/consultations/" + elsewhere + "/history").body()).doesNotContain("CONSENT_WITHDRAWN");
    }

    @Test
    void aForgedWithdrawalLinkIs403() {
        long id = consultation();
        world.officer.post(uri(id), Map.of("name", "Zoe Ng", "email", "zoe@example.org"));
        Participant zoe = participants.list(id).get(0);
        String token = URI.create(participants.withdrawLink(zoe)).getRawQuery().substring(2);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertEquals(403, Api.anonymous(client).get("/o/participant/withdraw?t=" + tampered).status());
        assertEquals(403, Api.anonymous(client).get("/o/participant/withdraw?t=bm90LmEudG9rZW4.AAAA").status());
        assertEquals(403, Api.anonymous(client).send(HttpRequest.POST("/o/participant/withdraw?t=" + tampered, "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).status());
        assertEquals(403, Api.anonymous(client).send(HttpRequest.POST("/o/participant/withdraw", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).status());
        assertThat(participants.consenting(id)).hasSize(1);
    }

    private long consultation() {
        return world.register(world.consultation(LocalDate.now().plusMonths(3)));
    }

    private static String uri(long consultationId) {
        return "/api/consultations/" + consultationId + "/participants";
    }

    private static Api.Reply csv(Api api, long consultationId, String file) {
        return api.send(HttpRequest.POST(uri(consultationId) + "/import", file).contentType(MediaType.of("text/csv")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Api.Reply reply) {
        return ((List<Map<String, Object>>) reply.at("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
