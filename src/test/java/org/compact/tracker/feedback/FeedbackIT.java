package org.compact.tracker.feedback;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.AtOnce;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consultation's year with the sim clock: notice, opening, closing (with the close date moved after notice),
 * the feedback chase on its exact days, nothing chased twice, and the feedback mail to every notified organisation
 * and every consenting participant exactly once, over real SMTP.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;
    /** The consultation whose feedback the year in {@link #aYearOfOneConsultationChasesFeedbackOnItsDaysAndSendsItOnceToEveryone} gave. */
    long givenId;
    /** The consultation exempted from feedback, still CLOSED. */
    long closedId;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    @Order(1)
    void aYearOfOneConsultationChasesFeedbackOnItsDaysAndSendsItOnceToEveryone() throws Exception {
        LocalDate start = LocalDate.of(2027, 1, 4);
        world.moveTo(start);
        long id = world.register(world.consultation(start.plusMonths(2)));
        assertEquals(200, world.notify(id).status());
        LocalDate closesOn = start.plusMonths(2).plusWeeks(14);
        Api.Reply moved = world.officer.patch("/api/consultations/" + id, Map.of("closesOn", closesOn.toString(),
                "decisionDate", closesOn.plusWeeks(10).toString()));
        assertEquals(200, moved.status(), moved::toString);
        LocalDate due = closesOn.plusWeeks(12);

        world.moveTo(start.plusMonths(2));
        assertEquals("OPEN", status(id));
        Api.Reply tooEarly = world.officer.post("/api/consultations/" + id + "/feedback", feedback("CHANGED", null));
        assertEquals(409, tooEarly.status(), tooEarly::toString);
        assertThat((String) tooEarly.at("detail")).contains("OPEN");

        world.moveTo(closesOn.plusDays(1));
        assertEquals("CLOSED", status(id));
        assertEquals(201, world.officer.post("/api/consultations/" + id + "/participants",
                Map.of("name", "Ann Jones", "email", "ann@example.net")).status());
        assertEquals(201, world.officer.post("/api/consultations/" + id + "/participants",
                Map.of("name", "Ordsall Walkers", "email", "walkers@example.net")).status());

        world.moveTo(due.minusWeeks(4).minusDays(1));
        assertThat(chaseMail(id)).isEmpty();
        world.moveTo(due.minusWeeks(4));
        world.moveTo(due.minusWeeks(4).plusDays(1));
        assertThat(chaseMail(id)).containsExactly("Feedback due by " + due);
        world.moveTo(due.minusWeeks(1));
        world.moveTo(due.minusDays(1));
        assertThat(chaseMail(id)).containsExactly("Feedback due by " + due, "Feedback due by " + due);
        assertEquals("WARN", check(id, "FEEDBACK"));

        world.moveTo(due);
        assertThat(chaseMail(id)).as("the due day is still on time: the officer alone is told it is due today")
                .containsExactly("Feedback due by " + due, "Feedback due by " + due, "Feedback due today");
        assertEquals("WARN", check(id, "FEEDBACK"));
        world.moveTo(due.plusDays(3));
        List<String> afterDue = chaseMail(id);
        assertThat(afterDue).filteredOn(s -> s.startsWith("FEEDBACK breach")).hasSize(2);
        world.moveTo(due.plusWeeks(1));
        assertThat(chaseMail(id)).as("one breach a week, counted from the day after the due date")
                .filteredOn(s -> s.startsWith("FEEDBACK breach")).hasSize(2);
        world.moveTo(due.plusWeeks(1).plusDays(1));
        assertThat(chaseMail(id)).filteredOn(s -> s.startsWith("FEEDBACK breach")).hasSize(4);
        assertEquals("FAIL", check(id, "FEEDBACK"));

        Api.Reply incomplete = world.officer.post("/api/consultations/" + id + "/feedback", feedback("NO_CHANGE", null));
        assertEquals(422, incomplete.status(), incomplete::toString);
        assertEquals("FEEDBACK", incomplete.at("errors[0].ruleId"));
        assertEquals("reasons", incomplete.at("errors[0].field"));

        smtp.purgeEmailFromAllMailboxes();
        Api.Reply given = world.officer.post("/api/consultations/" + id + "/feedback",
                feedback("NO_CHANGE", "The homes are needed and the site is the only one the council owns."));
        assertEquals(201, given.status(), given::toString);
        assertEquals("FEEDBACK_GIVEN", status(id));
        givenId = id;
        world.moveTo(due.plusWeeks(1).plusDays(2));
        world.moveTo(due.plusWeeks(3));

        List<String> feedbackTo = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Feedback: ")) {
                feedbackTo.add(m.getAllRecipients()[0].toString());
            }
        }
        assertThat(feedbackTo).containsExactlyInAnyOrder(
                "ordsall.tenants." + world.officerName.replace("olivia", "") + "@example.org",
                "salford.deaf.forum." + world.officerName.replace("olivia", "") + "@example.org",
                "ann@example.net", "walkers@example.net");
        // an organisation can raise a concern about the feedback from its copy; a participant's copy has no notice
        // behind it, so no such link
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (!m.getSubject().startsWith("Feedback: ")) {
                continue;
            }
            String to = m.getAllRecipients()[0].toString();
            String text = org.compact.tracker.support.MailParts.text(m);
            java.util.regex.Matcher concern = java.util.regex.Pattern.compile("http://\\S+(/o/concern\\?t=\\S+)").matcher(text);
            if (to.endsWith("@example.net")) {
                assertThat(concern.find()).as("a participant's feedback mail to " + to).isFalse();
                assertThat(text).as("a participant's feedback mail to " + to)
                        .contains("you took part in this consultation", "Hear no more about this consultation: ",
                                "/o/participant/withdraw?t=")
                        .doesNotContain("shared directory of organisations", "Your organisation's page");
                continue;
            }
            assertThat(text).contains("shared directory of organisations", "Your organisation's page");
            assertThat(concern.find()).as("the feedback mail to " + to + " carries a concern link").isTrue();
            Api.Reply form = Api.anonymous(client).get(concern.group(1));
            assertEquals(200, form.status(), form::toString);
            assertThat(form.body()).as("the concern form names the consultation").contains(title(id));
            assertThat(text).contains("Something wrong?").doesNotContain("Reply in one click");
            String token = concern.group(1).substring(concern.group(1).indexOf("?t=") + 3);
            assertEquals(403, Api.anonymous(client).get("/o/reply?t=" + token + "&answer=TAKING_PART").status(),
                    "a concern link cannot answer the notice, a year after it");
        }
        // the delivery report lists the participants' feedback mail beside the organisations'
        Api.Reply report = world.monitor.get("/api/consultations/" + id + "/deliveries");
        assertEquals(200, report.status(), report::toString);
        List<Map<String, Object>> participantLines = (List<Map<String, Object>>) report.at("participants");
        assertThat(participantLines).extracting(l -> l.get("email"))
                .containsExactlyInAnyOrder("ann@example.net", "walkers@example.net");
        assertThat(participantLines).allSatisfy(l -> {
            assertEquals("SENT", l.get("status"));
            assertThat(l.get("sentAt")).isNotNull();
        });
        // an officer of another agency sees that the mail went, not to whom: those are private people
        Api.Reply elsewhere = world.otherOfficer.get("/api/consultations/" + id + "/deliveries");
        assertEquals(200, elsewhere.status(), elsewhere::toString);
        assertThat((List<Map<String, Object>>) elsewhere.at("participants")).hasSize(2)
                .allSatisfy(l -> assertThat(l).doesNotContainKey("email").containsEntry("status", "SENT"));
        assertThat(elsewhere.body()).doesNotContain("ann@example.net", "walkers@example.net");
        assertThat(world.officer.get("/api/consultations/" + id + "/deliveries").body())
                .contains("ann@example.net", "walkers@example.net");
        assertThat(chaseMail(id)).as("given feedback is never chased again").isEmpty();
        assertEquals("PASS", check(id, "FEEDBACK"));

        Map<String, Object> fb = world.monitor.get("/api/consultations/" + id + "/feedback").json();
        assertEquals("NO_CHANGE", ((Map<String, Object>) fb.get("feedback")).get("outcome"));
        List<Map<String, Object>> actions = world.officer.get("/api/consultations/" + id + "/actions").list();
        assertThat(actions).hasSize(1);
        assertEquals("WARN", check(id, "ACTION"), "the action was due a week after the decision");
        long actionId = ((Number) actions.get(0).get("id")).longValue();
        assertEquals(200, world.officer.patch("/api/consultations/" + id + "/actions/" + actionId,
                Map.of("done", true, "note", "Published on the council website.")).status());
        assertEquals("PASS", check(id, "ACTION"));
    }

    /** Runs after the year above: the sim clock only moves forward. */
    @Test
    @Order(2)
    void aFeedbackExemptionWithItsReasonStopsTheChase() throws Exception {
        LocalDate start = LocalDate.of(2029, 1, 8);
        world.moveTo(start);
        Map<String, Object> body = world.consultation(start.plusMonths(2));
        body.put("title", "Exempted from feedback");
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());
        LocalDate closesOn = start.plusMonths(2).plusWeeks(12);
        world.moveTo(start.plusMonths(2));
        world.moveTo(closesOn.plusDays(1));
        assertEquals("CLOSED", status(id));
        Api.Reply exemption = world.officer.post("/api/consultations/" + id + "/exemptions", Map.of("ruleId", "FEEDBACK",
                "reason", "The scheme was taken over by the combined authority, which reports back itself."));
        assertEquals(201, exemption.status(), exemption::toString);

        LocalDate due = closesOn.plusWeeks(12);
        world.moveTo(due.minusWeeks(4));
        world.moveTo(due.plusWeeks(2));

        List<String> chased = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().endsWith("Exempted from feedback")) {
                chased.add(m.getSubject());
            }
        }
        assertThat(chased).isEmpty();
        assertEquals("EXEMPT", check(id, "FEEDBACK"));
        closedId = id;
    }

    /** Runs after the two above: the first consultation has its feedback, the second is still CLOSED. */
    @Test
    @Order(3)
    void anActionAddedAfterTheFeedbackShowsInTheActionCheckAtOnceAndInTheHistory() {
        long id = givenId;
        assertEquals("No promised action is open.", checkReason(id, "ACTION"), "the only action was marked done");
        int historyBefore = world.officer.get("/api/consultations/" + id + "/history").list().size();
        LocalDate due = world.today().plusWeeks(2);

        Api.Reply added = world.officer.post("/api/consultations/" + id + "/actions", Map.of("what",
                "  Put the play area plan on the estate notice board ", "owner", world.officerName, "due", due.toString()));

        assertEquals(201, added.status(), added::toString);
        assertEquals("Put the play area plan on the estate notice board", added.at("what"));
        assertEquals(due.toString(), added.at("due"));
        assertEquals("PASS", check(id, "ACTION"));
        assertEquals("1 promised action in progress, none overdue.", checkReason(id, "ACTION"),
                "the cached checks move with the new action");
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertThat(history).hasSize(historyBefore + 1);
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("ACTION_ADDED", last.get("kind"));
        assertEquals(world.officerName, last.get("actor"));
        assertThat((String) last.get("reason")).contains("Put the play area plan on the estate notice board")
                .contains(due.toString());
        assertThat(world.officer.get("/api/consultations/" + id + "/actions").list()).hasSize(2);

        world.moveTo(due.plusDays(1));
        assertEquals("WARN", check(id, "ACTION"), "the added action is overdue like any promised one");
    }

    @Test
    @Order(4)
    void addingAnActionIsRefusedToMonitorsOtherAgenciesBadInputAndBeforeFeedbackWritingNothing() {
        long id = givenId;
        int actionsBefore = world.officer.get("/api/consultations/" + id + "/actions").list().size();
        int historyBefore = world.officer.get("/api/consultations/" + id + "/history").list().size();
        String checkBefore = checkReason(id, "ACTION");
        Map<String, Object> good = Map.of("what", "Write to the tenants' forum", "owner", world.officerName,
                "due", world.today().plusDays(3).toString());

        Api.Reply monitor = world.monitor.post("/api/consultations/" + id + "/actions", good);
        assertEquals(403, monitor.status(), monitor::toString);
        Api.Reply other = world.otherOfficer.post("/api/consultations/" + id + "/actions", good);
        assertEquals(403, other.status(), other::toString);

        Api.Reply closed = world.officer.post("/api/consultations/" + closedId + "/actions", good);
        assertEquals(409, closed.status(), closed::toString);
        assertThat((String) closed.at("detail")).contains("CLOSED");
        assertThat(world.officer.get("/api/consultations/" + closedId + "/actions").list()).isEmpty();

        Api.Reply past = world.officer.post("/api/consultations/" + id + "/actions", Map.of("what", "Late",
                "owner", world.officerName, "due", world.today().minusDays(1).toString()));
        assertEquals(422, past.status(), past::toString);
        assertEquals("due", past.at("errors[0].field"));
        assertEquals("ACTION", past.at("errors[0].ruleId"));
        assertThat((String) past.at("errors[0].reason")).contains("past");

        Api.Reply blank = world.officer.post("/api/consultations/" + id + "/actions", Map.of("what", " ",
                "due", world.today().plusDays(1).toString()));
        assertEquals(422, blank.status(), blank::toString);
        assertEquals("what", blank.at("errors[0].field"));
        assertEquals("owner", blank.at("errors[1].field"));

        Api.Reply control = world.officer.post("/api/consultations/" + id + "/actions", Map.of("what", "Ring\u0007 them",
                "owner", world.officerName, "due", world.today().plusDays(1).toString()));
        assertEquals(422, control.status(), control::toString);
        assertEquals("what", control.at("errors[0].field"));

        assertThat(world.officer.get("/api/consultations/" + id + "/actions").list()).hasSize(actionsBefore);
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list()).hasSize(historyBefore);
        assertEquals(checkBefore, checkReason(id, "ACTION"));
    }

    private Map<String, Object> feedback(String outcome, String reasons) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("youSaid", "212 people answered. Most want the homes near the tram stop and a new play area.");
        body.put("weDid", "The homes will go near the tram stop; the play area is in the plan.");
        body.put("outcome", outcome);
        if (reasons != null) {
            body.put("reasons", reasons);
        }
        body.put("responseCounts", Map.of("ONLINE_SURVEY", 180, "PUBLIC_MEETING", 32));
        body.put("decidedOn", world.today().toString());
        body.put("actions", List.of(Map.of("what", "Publish the updated site plan", "owner", world.officerName,
                "due", world.today().plusWeeks(1).toString())));
        return body;
    }

    /** The subjects of chase mail about this consultation, in order received. */
    private List<String> chaseMail(long id) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String s = m.getSubject();
            if ((s.startsWith("Feedback due") || s.startsWith("FEEDBACK breach")) && s.endsWith("New homes in Ordsall")) {
                subjects.add(s.replace(": New homes in Ordsall", ""));
            }
        }
        return subjects;
    }

    private String title(long id) {
        return (String) world.officer.get("/api/consultations/" + id).at("title");
    }

    private String status(long id) {
        return (String) world.officer.get("/api/consultations/" + id).at("status");
    }

    @SuppressWarnings("unchecked")
    private String check(long id, String ruleId) {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) world.officer.get("/api/consultations/" + id).at("checks");
        return (String) checks.stream().filter(c -> ruleId.equals(c.get("ruleId"))).findFirst().orElseThrow().get("verdict");
    }

    @SuppressWarnings("unchecked")
    private String checkReason(long id, String ruleId) {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) world.officer.get("/api/consultations/" + id).at("checks");
        return (String) checks.stream().filter(c -> ruleId.equals(c.get("ruleId"))).findFirst().orElseThrow().get("reason");
    }

    /** After the exemption's years: the sim clock only moves forward. */
    @Test
    @Order(5)
    void feedbackSentTwiceAtOnceIsRecordedOnceAndTheOtherIsRefusedWith409() throws Exception {
        LocalDate start = LocalDate.of(2032, 1, 5);
        world.moveTo(start);
        long id = world.register(world.consultation(start.plusMonths(2)));
        assertEquals(200, world.notify(id).status());
        world.moveTo(start.plusMonths(2));
        world.moveTo(start.plusMonths(2).plusWeeks(12).plusDays(1));
        assertEquals("CLOSED", status(id));
        Map<String, Object> body = Map.of("youSaid", "Evening meetings.", "weDid", "Two evening meetings a month.",
                "outcome", "CHANGED");

        List<Integer> statuses = AtOnce.run(6, () -> world.officer.post("/api/consultations/" + id + "/feedback", body).status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409);
        assertEquals("FEEDBACK_GIVEN", status(id));
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list())
                .filteredOn(h -> "FEEDBACK_GIVEN".equals(h.get("kind"))).hasSize(1);
    }
}
