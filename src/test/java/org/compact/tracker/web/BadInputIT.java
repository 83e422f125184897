package org.compact.tracker.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.AtOnce;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a clear problem+json answer naming the field, and nothing is half-saved. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        Api.Reply reply = world.officer.send(HttpRequest.POST("/api/consultations", "{\"title\": \"Ord")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(400, reply.status(), reply::toString);
        assertProblem(reply);
    }

    @Test
    void anUnknownCodeIs422NamingTheFieldAndTheAllowedCodes() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("methods", List.of("ONLINE_SURVEY", "CARRIER_PIGEON"));
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(422, reply.status(), reply::toString);
        assertProblem(reply);
        assertThat(fields(reply)).containsExactly("methods[1]");
        assertThat(reply.body()).contains("CARRIER_PIGEON").contains("PUBLIC_MEETING");
    }

    @Test
    void aWrongTypeIs400() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("opensOn", "next Tuesday");
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(400, reply.status(), reply::toString);
        assertProblem(reply);
        assertThat(reply.body()).contains("opensOn");
    }

    @Test
    void missingFieldsAre422NamingEachField() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.remove("title");
        body.remove("summary");
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(422, reply.status(), reply::toString);
        assertProblem(reply);
        assertThat(fields(reply)).containsExactlyInAnyOrder("title", "summary");
    }

    @Test
    void oversizeFieldsAre422NamingEachField() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("decisionMaker", "x".repeat(201));
        body.put("targets", Map.of("areas", List.of("Ordsall", "y".repeat(101))));
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(422, reply.status(), reply::toString);
        assertProblem(reply);
        assertThat(fields(reply)).containsExactlyInAnyOrder("decisionMaker", "targets.areas[1]");
    }

    @Test
    void aCloseDateBeforeTheOpenDateIs422() {
        Map<String, Object> body = world.consultation(LocalDate.of(2027, 6, 1));
        body.put("closesOn", "2027-05-31");
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(422, reply.status(), reply::toString);
        assertThat(fields(reply)).containsExactly("closesOn");
    }

    @Test
    void aDateOutsideYears1900To2100Is422AndSavesNothing() {
        Map<String, Object> body = world.consultation(LocalDate.of(2027, 6, 1));
        body.put("opensOn", "-4713-01-17");
        body.put("decisionDate", "+10000-01-01");
        Api.Reply created = world.officer.post("/api/consultations", body);
        assertEquals(422, created.status(), created::toString);
        assertThat(fields(created)).containsExactlyInAnyOrder("opensOn", "decisionDate");

        long id = world.register(world.consultation(LocalDate.of(2027, 6, 1)));
        Api.Reply changed = world.officer.patch("/api/consultations/" + id, Map.of("opensOn", "0000-12-31"));
        assertEquals(422, changed.status(), changed::toString);
        assertThat(fields(changed)).containsExactly("opensOn");
        Api.Reply read = world.officer.get("/api/consultations/" + id);
        assertEquals(200, read.status(), read::toString);
        assertThat(read.body()).doesNotContain("0000-12-31");
    }

    @Test
    void feedbackAndActionDatesOutsideYears1900To2100Are422NamingTheFieldAndSaveNothing() {
        long id = world.register(world.consultation(LocalDate.of(2027, 6, 1)));
        Map<String, Object> feedback = new java.util.HashMap<>(Map.of("youSaid", "Most want the homes.",
                "weDid", "They are in the plan.", "outcome", "CHANGED", "decidedOn", "-4713-01-17",
                "actions", List.of(Map.of("what", "Publish the plan", "due", "+10000-01-01"))));
        Api.Reply given = world.officer.post("/api/consultations/" + id + "/feedback", feedback);
        assertEquals(422, given.status(), given::toString);
        assertProblem(given);
        assertThat(fields(given)).containsExactlyInAnyOrder("decidedOn", "actions[0].due");

        Api.Reply action = world.officer.post("/api/consultations/" + id + "/actions",
                Map.of("what", "Publish the plan", "due", "0000-12-31"));
        assertEquals(422, action.status(), action::toString);
        assertThat(fields(action)).containsExactly("due");

        Api.Reply read = world.officer.get("/api/consultations/" + id);
        assertEquals("PLANNED", read.at("status"), read::toString);
        assertThat(read.body()).doesNotContain("Publish the plan");
    }

    @Test
    void aQueryDateOutsideYears1900To2100Is422NamingTheParameter() {
        Api.Reply list = world.officer.get("/api/consultations?from=-4713-01-17");
        assertEquals(422, list.status(), list::toString);
        assertProblem(list);
        assertThat(fields(list)).containsExactly("from");

        Api.Reply report = world.officer.get("/api/compliance?from=2027-01-01&to=%2B10000-01-01");
        assertEquals(422, report.status(), report::toString);
        assertThat(fields(report)).containsExactly("to");

        Api.Reply search = world.officer.get("/api/search?q=homes&from=-0001-01-01");
        assertEquals(422, search.status(), search::toString);
        assertThat(fields(search)).containsExactly("from");
    }

    @Test
    void anImpossibleCalendarDateIs400() {
        Map<String, Object> body = world.consultation(LocalDate.of(2027, 6, 1));
        body.put("closesOn", "2027-02-30");
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(400, reply.status(), reply::toString);
        assertThat(reply.body()).contains("closesOn");
    }

    @Test
    void unknownOrganisationsAndEarlierConsultationsAreNamed() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("targets", Map.of("organisationIds", List.of(999_999)));
        body.put("priorWork", Map.of("relatedIds", List.of(888_888)));
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(422, reply.status(), reply::toString);
        assertThat(fields(reply)).contains("targets.organisationIds", "priorWork.relatedIds");
    }

    @Test
    void aControlCharacterInTextIs422NamingTheField() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("title", "New homes\u0000 in Ordsall");
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertEquals(422, reply.status(), reply::toString);
        assertThat(fields(reply)).containsExactly("title");
    }

    @Test
    void anUnknownIdIs404ProblemJson() {
        Api.Reply reply = world.officer.get("/api/consultations/987654");
        assertEquals(404, reply.status());
        assertProblem(reply);
        assertEquals(404, world.officer.post("/api/consultations/987654/notify").status());
        assertEquals(404, world.officer.get("/api/organisations/987654").status());
    }

    @Test
    void aRefusedRequestSavesNothing() {
        int before = world.monitor.get("/api/consultations?size=500").list().size();
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("leadOfficer", "nobody-of-this-agency");
        assertEquals(422, world.officer.post("/api/consultations", body).status());
        body.remove("leadOfficer");
        body.put("targets", Map.of("organisationIds", List.of(424_242)));
        assertEquals(422, world.officer.post("/api/consultations", body).status());
        assertEquals(before, world.monitor.get("/api/consultations?size=500").list().size());
    }

    @Test
    void aHugeBodyIsRefusedWithoutA500() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
        body.put("summary", "word ".repeat(300_000));
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertThat(reply.status()).isIn(413, 422);
        assertProblem(reply);
    }

    @Test
    void aStaleIfMatchLoses409() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(2)));
        Api.Reply first = world.officer.get("/api/consultations/" + id);
        String etag = first.etag();
        assertEquals(200, world.officer.send(HttpRequest.PATCH("/api/consultations/" + id, Map.of("title", "First"))
                .header("If-Match", etag)).status());
        Api.Reply second = world.officer.send(HttpRequest.PATCH("/api/consultations/" + id, Map.of("title", "Second"))
                .header("If-Match", etag));
        assertEquals(409, second.status(), second::toString);
        assertProblem(second);
        assertEquals("First", world.officer.get("/api/consultations/" + id).at("title"));
    }

    @Test
    void concurrentTransitionsOnOneConsultationHaveExactlyOneWinner() throws Exception {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(2)));
        List<Integer> statuses = AtOnce.run(8, () -> world.officer.post("/api/consultations/" + id + "/notify").status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertThat(history).filteredOn(h -> "NOTIFIED".equals(h.get("kind"))).hasSize(1);
    }

    @Test
    void theSameAgencyOrUsernameRegisteredAtOnceIsCreatedOnceAndOtherwiseRefusedNamingTheField() throws Exception {
        String agency = "Wigan Council " + System.nanoTime();
        String username = "wendy" + System.nanoTime();
        List<Callable<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> world.admin.post("/api/agencies", Map.of("name", agency,
                    "complianceContactEmail", "compact@wigan.example")));
            calls.add(() -> world.admin.post("/api/users", Map.of("username", username, "password", "a-long-password-1",
                    "email", username + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER"))));
        }
        List<Api.Reply> replies = AtOnce.run(calls);
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(2);
        for (Api.Reply refused : replies.stream().filter(r -> r.status() != 201).toList()) {
            assertEquals(422, refused.status(), refused::toString);
            assertProblem(refused);
            assertThat(fields(refused)).containsAnyOf("name", "username");
        }
    }

    @Test
    void anUnknownRuleIdInAnExemptionIsRefused() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(2)));
        Api.Reply reply = world.officer.post("/api/consultations/" + id + "/exemptions",
                Map.of("ruleId", "NO_SUCH_RULE", "reason", "Because we said so, at length."));
        assertEquals(422, reply.status(), reply::toString);
        assertThat(fields(reply)).containsExactly("ruleId");
        Api.Reply optOut = world.officer.post("/api/consultations/" + id + "/exemptions",
                Map.of("ruleId", "OPT_OUT", "reason", "We want to mail everyone anyway."));
        assertEquals(422, optOut.status(), optOut::toString);
        assertThat(fields(optOut)).contains("ruleId");
    }

    private static void assertProblem(Api.Reply reply) {
        assertThat(reply.contentType()).startsWith("application/problem+json");
        Map<String, Object> problem = reply.json();
        assertThat(problem).containsKeys("type", "title", "status", "detail");
        assertEquals(reply.status(), ((Number) problem.get("status")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Api.Reply reply) {
        return ((List<Map<String, Object>>) reply.at("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
