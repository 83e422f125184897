package org.compact.tracker.consultation;

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
 * Walks consultations through their life over HTTP, with real tokens, the H2 file database and the sim clock:
 * every refusal names the rule or the status that refused it.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationLifecycleIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
        moveTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void notifiesWhenTheBlockRulesHoldAndOpensOnlyAfterAFullCalendarMonth() {
        LocalDate today = today();
        long id = world.register(world.consultation(today.plusMonths(2)));

        Api.Reply notified = world.notify(id);
        assertEquals(200, notified.status(), notified::toString);
        assertEquals("NOTIFIED", notified.at("status"));
        assertEquals(today.toString(), notified.at("notifiedOn"));

        moveTo(today.plusMonths(1).minusDays(1));
        Api.Reply early = world.officer.post("/api/consultations/" + id + "/open");
        assertEquals(422, early.status(), early::toString);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertEquals("NOTICE", early.at("errors[0].ruleId"));
        assertEquals("opensOn", early.at("errors[0].field"));

        moveTo(today.plusMonths(1));
        Api.Reply opened = world.officer.post("/api/consultations/" + id + "/open");
        assertEquals(200, opened.status(), opened::toString);
        assertEquals("OPEN", opened.at("status"));
        assertEquals(today.plusMonths(1).toString(), opened.at("openedOn"));
    }

    @Test
    void refusesToNotifyListingEveryFailingBlockRule() {
        Map<String, Object> body = world.consultation(today().plusMonths(2));
        body.remove("priorWork");
        body.remove("fixed");
        body.put("closesOn", today().plusMonths(2).plusWeeks(6).toString());
        long id = world.register(body);

        Api.Reply refused = world.notify(id);

        assertEquals(422, refused.status(), refused::toString);
        List<Object> ruleIds = ((List<Map<String, Object>>) refused.at("errors")).stream()
                .map(e -> e.get("ruleId")).map(Object.class::cast).toList();
        assertThat(ruleIds).containsExactlyInAnyOrder("PRIOR_WORK", "INFLUENCE", "DURATION");
        assertEquals("PLANNED", world.officer.get("/api/consultations/" + id).at("status"),
                "a refused transition changes nothing");
    }

    @Test
    void anExemptionWithAWrittenReasonLetsAShorterConsultationBeNotified() {
        Map<String, Object> body = world.consultation(today().plusMonths(2));
        body.put("closesOn", today().plusMonths(2).plusWeeks(6).toString());
        long id = world.register(body);
        assertEquals(422, world.notify(id).status());

        Api.Reply exemption = world.officer.post("/api/consultations/" + id + "/exemptions",
                Map.of("ruleId", "DURATION", "reason", "Statutory deadline from government: six weeks is all there is."));
        assertEquals(201, exemption.status(), exemption::toString);

        Api.Reply checked = world.officer.get("/api/consultations/" + id);
        Map<String, Object> duration = check(checked, "DURATION");
        assertEquals("EXEMPT", duration.get("verdict"));
        assertThat((String) duration.get("reason")).contains("Statutory deadline");

        assertEquals(200, world.notify(id).status());
        List<Map<String, Object>> history = world.monitor.get("/api/consultations/" + id + "/history").list();
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("CREATED", "EXEMPTION_RECORDED", "NOTIFIED");
        assertThat(history.get(1).get("reason")).asString().contains("Statutory deadline");
    }

    @Test
    void anIllegalJumpAnswers409NamingTheCurrentStatus() {
        long id = world.register(world.consultation(today().plusMonths(2)));

        Api.Reply close = world.officer.post("/api/consultations/" + id + "/close");

        assertEquals(409, close.status(), close::toString);
        assertThat((String) close.at("detail")).contains("PLANNED").contains("close");
    }

    @Test
    void theSchedulerOpensOnTheOpenDateAndClosesAfterTheCloseDate() {
        LocalDate today = today();
        long id = world.register(world.consultation(today.plusMonths(1).plusDays(3)));
        assertEquals(200, world.notify(id).status());

        Api.Reply moved = moveTo(today.plusMonths(1).plusDays(3));
        assertThat(moved.body()).contains("lifecycle");
        assertEquals("OPEN", world.officer.get("/api/consultations/" + id).at("status"));

        LocalDate closesOn = today.plusMonths(1).plusDays(3).plusWeeks(12);
        moveTo(closesOn);
        assertEquals("OPEN", world.officer.get("/api/consultations/" + id).at("status"), "open all of its last day");
        moveTo(closesOn.plusDays(1));
        Api.Reply closed = world.officer.get("/api/consultations/" + id);
        assertEquals("CLOSED", closed.at("status"));
        assertEquals(closesOn.plusDays(1).toString(), closed.at("closedOn"));

        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("CREATED", "NOTIFIED", "OPENED", "CLOSED");
        assertEquals("system", history.get(2).get("actor"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void closingEarlyMovesTheCloseDateFeedbackIsCountedFromAndTellsThoseNotified() {
        LocalDate today = today();
        LocalDate opensOn = today.plusMonths(1).plusDays(3);
        long id = world.register(world.consultation(opensOn));
        assertEquals(200, world.notify(id).status());
        moveTo(opensOn);
        assertEquals("OPEN", world.officer.get("/api/consultations/" + id).at("status"));
        assertEquals(201, world.officer.post("/api/consultations/" + id + "/exemptions", Map.of("ruleId", "DURATION",
                "reason", "The site was sold; there is nothing left to consult on after two weeks.")).status());
        LocalDate closing = opensOn.plusWeeks(2);
        moveTo(closing);

        Api.Reply closed = world.officer.post("/api/consultations/" + id + "/close");

        assertEquals(200, closed.status(), closed::toString);
        assertEquals(closing.toString(), closed.at("closedOn"));
        assertEquals(closing.toString(), closed.at("closesOn"), "the close date is the day it closed");
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertThat((String) history.get(history.size() - 1).get("reason"))
                .isEqualTo("Closed early: it was to close at the end of " + opensOn.plusWeeks(12) + ".");
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) world.officer
                .get("/api/consultations/" + id + "/deliveries").at("deliveries");
        long notices = deliveries.stream().filter(d -> "NOTICE".equals(d.get("kind"))).count();
        assertThat(notices).isPositive();
        assertThat(deliveries.stream().filter(d -> "CHANGE".equals(d.get("kind"))).count())
                .as("everyone notified hears it closed early").isEqualTo(notices);
        List<Map<String, Object>> checks = (List<Map<String, Object>>) world.officer.get("/api/consultations/" + id).at("checks");
        assertThat(checks).filteredOn(ch -> "FEEDBACK".equals(ch.get("ruleId")))
                .extracting(ch -> (String) ch.get("reason")).singleElement().asString()
                .contains(closing.plusWeeks(12).toString());
    }

    @Test
    void theSchedulerHoldsAConsultationWhoseNoticeCameTooLateAndSaysWhy() {
        LocalDate today = today();
        long id = world.register(world.consultation(today.plusDays(10)));
        Api.Reply notified = world.notify(id);
        assertEquals(200, notified.status(), notified::toString);
        assertEquals("FAIL", check(notified, "NOTICE").get("verdict"));

        moveTo(today.plusDays(10));

        assertEquals("NOTIFIED", world.officer.get("/api/consultations/" + id).at("status"));
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertEquals("HELD", history.get(history.size() - 1).get("kind"));
        assertThat((String) history.get(history.size() - 1).get("reason")).contains(today.plusMonths(1).toString());
    }

    @Test
    void aConsultationHeldForNoticeIsNotOpenedLaterIntoAShorterPeriodUntilItsCloseDateMoves() {
        LocalDate today = today();
        LocalDate planned = today.plusDays(10);
        long id = world.register(world.consultation(planned));
        assertEquals(200, world.notify(id).status());
        LocalDate noticeRun = today.plusMonths(1);

        moveTo(noticeRun);

        assertEquals("NOTIFIED", world.officer.get("/api/consultations/" + id).at("status"));
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        Map<String, Object> held = history.get(history.size() - 1);
        assertEquals("HELD", held.get("kind"));
        assertThat(String.valueOf(held.get("detail"))).contains("DURATION");
        LocalDate enough = noticeRun.plusWeeks(12).minusDays(1);
        assertThat((String) held.get("reason")).contains("move the close date to " + enough);
        Api.Reply byHand = world.officer.post("/api/consultations/" + id + "/open");
        assertEquals(422, byHand.status(), byHand::toString);
        assertEquals("DURATION", byHand.at("errors[0].ruleId"));

        assertEquals(200, world.officer.patch("/api/consultations/" + id, Map.of("closesOn", enough.toString())).status());
        Api.Reply opened = world.officer.post("/api/consultations/" + id + "/open");
        assertEquals(200, opened.status(), opened::toString);
        assertEquals("OPEN", opened.at("status"));
        assertEquals(noticeRun.toString(), opened.at("openedOn"));
        assertEquals("PASS", check(opened, "DURATION").get("verdict"), "judged from the day it opened");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrganisationAddedTooLateForAFullNoticePeriodNeedsARecordedNoticeExemption() {
        LocalDate today = today();
        LocalDate opensOn = today.plusMonths(1).plusDays(5);
        long id = world.register(world.consultation(opensOn));
        assertEquals(200, world.notify(id).status());
        Api.Reply made = world.officer.post("/api/organisations", Map.of("name", "Kersal Moor Friends " + id,
                "kind", "COMMUNITY_GROUP", "emails", List.of("friends" + id + "@kersal.example"), "areas", List.of("Kersal")));
        assertEquals(201, made.status(), made::toString);
        long late = made.id();
        moveTo(today.plusDays(10));

        Api.Reply refused = world.officer.patch("/api/consultations/" + id,
                Map.of("targets", Map.of("organisationIds", List.of(late))));

        assertEquals(422, refused.status(), refused::toString);
        assertEquals("NOTICE", refused.at("errors[0].ruleId"));
        assertThat((String) refused.at("errors[0].reason")).contains("Kersal Moor Friends").contains("NOTICE exemption");
        java.util.function.Supplier<List<Long>> notified = () -> ((List<Map<String, Object>>) world.officer
                .get("/api/consultations/" + id + "/deliveries").at("deliveries")).stream()
                .filter(d -> "NOTICE".equals(d.get("kind"))).map(d -> ((Number) d.get("organisationId")).longValue()).toList();
        assertThat(notified.get()).doesNotContain(late);

        assertEquals(201, world.officer.post("/api/consultations/" + id + "/exemptions", Map.of("ruleId", "NOTICE",
                "reason", "Kersal Moor Friends formed this month; late notice is better than none.")).status());
        Api.Reply added = world.officer.patch("/api/consultations/" + id,
                Map.of("targets", Map.of("organisationIds", List.of(late))));
        assertEquals(200, added.status(), added::toString);
        assertThat(notified.get()).contains(late);
    }

    @Test
    void changingTheOpenDateAfterNoticeToEarlierThanTheNoticeAllowsIsRefused() {
        LocalDate today = today();
        long id = world.register(world.consultation(today.plusMonths(2)));
        assertEquals(200, world.notify(id).status());

        Api.Reply refused = world.officer.patch("/api/consultations/" + id,
                Map.of("opensOn", today.plusDays(20).toString()));
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("NOTICE", refused.at("errors[0].ruleId"));
        assertEquals(today.plusMonths(2).toString(), world.officer.get("/api/consultations/" + id).at("opensOn"));

        Api.Reply later = world.officer.patch("/api/consultations/" + id, Map.of("opensOn", today.plusMonths(3).toString(),
                "closesOn", today.plusMonths(3).plusWeeks(13).toString()));
        assertEquals(200, later.status(), later::toString);
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertThat((String) history.get(history.size() - 1).get("detail")).contains("opensOn").contains("closesOn");
    }

    @Test
    void withdrawingNeedsAReasonAndIsFinal() {
        long id = world.register(world.consultation(today().plusMonths(2)));

        Api.Reply noReason = world.officer.post("/api/consultations/" + id + "/withdraw", Map.of());
        assertEquals(422, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.at("errors[0].field"));

        Api.Reply withdrawn = world.officer.post("/api/consultations/" + id + "/withdraw",
                Map.of("reason", "The budget for the scheme was withdrawn."));
        assertEquals("WITHDRAWN", withdrawn.at("status"));
        assertEquals(409, world.notify(id).status());
        assertEquals(409, world.officer.patch("/api/consultations/" + id, Map.of("title", "Renamed")).status());
    }

    private static Map<String, Object> check(Api.Reply reply, String ruleId) {
        return ((List<Map<String, Object>>) reply.at("checks")).stream()
                .filter(c -> ruleId.equals(c.get("ruleId"))).findFirst().orElseThrow();
    }

    private LocalDate today() {
        String now = (String) world.admin.get("/api/sim/clock").at("now");
        return java.time.Instant.parse(now).atZone(LONDON).toLocalDate();
    }

    private Api.Reply moveTo(LocalDate day) {
        Api.Reply reply = world.admin.put("/api/sim/clock",
                Map.of("now", day.atTime(9, 0).atZone(LONDON).toInstant().toString()));
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }
}
