package org.compact.tracker.feedback;

import org.compact.tracker.support.MailParts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An organisation notified by mail (over real SMTP, GreenMail) raises a concern with the reply link of its notice;
 * officers see it open and counting days on the sim clock until they answer it, once; monitors see every concern.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcernsIT implements TestPropertyProvider {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern REPLY_TOKEN = Pattern.compile("/o/reply\\?t=([A-Za-z0-9_.-]+)");

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        advance(0, 1);
    }

    @Test
    void aConcernRaisedFromTheNoticeLinkIsOpenUntilAnsweredAndCountsWholeDays() throws Exception {
        Notified n = notifiedConsultation();

        Api.Reply form = Api.anonymous(client).get("/o/concern?t=" + n.token);
        assertEquals(200, form.status(), form::toString);
        assertThat(form.contentType()).startsWith("text/html");
        assertThat(form.body()).contains("New homes in Ordsall", "name=\"kind\"", "value=\"NO_FEEDBACK\"",
                "We have not had feedback on this consultation yet", "<textarea");
        assertThat(concerns(world.officer, n.id)).as("a GET records nothing").isEmpty();

        Api.Reply raised = raise(n.token, "NO_FEEDBACK", "We took part in March & have heard nothing since.");
        assertEquals(200, raised.status(), raised::toString);
        assertThat(raised.body()).contains("Thank you").contains("March &amp; have").doesNotContain("March & have");

        List<Map<String, Object>> listed = concerns(world.officer, n.id);
        assertThat(listed).hasSize(1);
        Map<String, Object> concern = listed.get(0);
        assertEquals("NO_FEEDBACK", concern.get("kind"));
        assertEquals("We took part in March & have heard nothing since.", concern.get("text"));
        assertEquals(n.organisationId, ((Number) concern.get("organisationId")).longValue());
        assertEquals(true, concern.get("open"));
        assertEquals(0, ((Number) concern.get("openDays")).intValue());
        assertThat(concern).doesNotContainKey("answer");
        long concernId = ((Number) concern.get("id")).longValue();

        advance(10, 1);
        assertEquals(10, ((Number) concerns(world.officer, n.id).get(0).get("openDays")).intValue());

        Api.Reply answered = world.officer.post(answerUri(n.id, concernId),
                Map.of("answer", "Sorry: the feedback is published today and mailed to you."));
        assertEquals(200, answered.status(), answered::toString);
        assertEquals(false, answered.at("open"));
        assertEquals(world.officerName, answered.at("answeredBy"));
        assertEquals(10, ((Number) answered.at("openDays")).intValue());

        Api.Reply again = world.officer.post(answerUri(n.id, concernId), Map.of("answer", "A second answer."));
        assertEquals(409, again.status(), again::toString);
        assertThat(again.contentType()).startsWith("application/problem+json");

        advance(5, 0);
        Map<String, Object> after = concerns(world.officer, n.id).get(0);
        assertEquals(10, ((Number) after.get("openDays")).intValue(), "days stop counting once answered");
        assertEquals("Sorry: the feedback is published today and mailed to you.", after.get("answer"));

        // Another test's answer (same title: every test here uses the same consultation) may still be relayed after
        // this test's purge of the mailboxes: count only the mail carrying this answer.
        List<MimeMessage> answers = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Answer to your concern: New homes in Ordsall")
                    && MailParts.text(m).contains("the feedback is published today and mailed to you")) {
                answers.add(m);
            }
        }
        assertThat(answers).as("the organisation hears the answer once").hasSize(1);
        assertThat(MailParts.text(answers.get(0))).contains("We took part in March", "published today and mailed to you");
    }

    @Test
    void monitorsSeeConcernsAcrossConsultationsOpenFirst() throws Exception {
        Notified first = notifiedConsultation();
        Notified second = notifiedConsultation();
        assertEquals(200, raise(first.token, "FORMAT_UNSUITABLE", "The survey was online only.").status());
        assertEquals(200, raise(second.token, "NO_NOTICE", "Our members heard about it from the newspaper.").status());
        long answeredId = ((Number) concerns(world.officer, first.id).get(0).get("id")).longValue();
        assertEquals(200, world.officer.post(answerUri(first.id, answeredId), Map.of("answer", "We will post paper copies.")).status());

        Api.Reply open = world.monitor.get("/api/concerns?open=true");
        assertEquals(200, open.status(), open::toString);
        assertThat(open.list()).allSatisfy(c -> assertEquals(true, c.get("open")));
        Map<String, Object> listed = open.list().stream()
                .filter(c -> ((Number) c.get("consultationId")).longValue() == second.id).findFirst().orElseThrow();
        assertEquals("New homes in Ordsall", listed.get("consultationTitle"));
        assertEquals("NO_NOTICE", listed.get("kind"));
        assertThat(open.list()).noneMatch(c -> ((Number) c.get("id")).longValue() == answeredId);

        List<Map<String, Object>> all = world.monitor.get("/api/concerns").list();
        assertThat(all).anyMatch(c -> ((Number) c.get("id")).longValue() == answeredId);
        int lastOpen = -1;
        int firstAnswered = Integer.MAX_VALUE;
        for (int i = 0; i < all.size(); i++) {
            if (Boolean.TRUE.equals(all.get(i).get("open"))) {
                lastOpen = i;
            } else {
                firstAnswered = Math.min(firstAnswered, i);
            }
        }
        assertThat(lastOpen).as("open concerns come first").isLessThan(firstAnswered);

        assertEquals(200, world.admin.get("/api/concerns").status());
        assertEquals(403, world.officer.get("/api/concerns").status());
        assertEquals(200, world.monitor.get("/api/consultations/" + second.id + "/concerns").status());
        assertEquals(403, world.monitor.post(answerUri(second.id, 1), Map.of("answer", "x")).status());
    }

    @Test
    void anOfficerOfAnotherAgencyCannotAnswer() throws Exception {
        Notified n = notifiedConsultation();
        raise(n.token, "OTHER", "The meeting room had no hearing loop.");
        long concernId = ((Number) concerns(world.officer, n.id).get(0).get("id")).longValue();

        Api.Reply refused = world.otherOfficer.post(answerUri(n.id, concernId), Map.of("answer", "Not ours to answer."));

        assertEquals(403, refused.status(), refused::toString);
        assertEquals(true, concerns(world.officer, n.id).get(0).get("open"));
        assertEquals(403, world.otherOfficer.get("/api/consultations/" + n.id + "/concerns").status());
    }

    @Test
    void anAnswerIsNeededAndAConcernOfAnotherConsultationIsNotFound() throws Exception {
        Notified n = notifiedConsultation();
        raise(n.token, "OTHER", "Please hold an evening meeting.");
        long concernId = ((Number) concerns(world.officer, n.id).get(0).get("id")).longValue();
        long other = world.register(world.consultation(world.today().plusMonths(2)));

        Api.Reply blank = world.officer.post(answerUri(n.id, concernId), Map.of("answer", "   "));
        assertEquals(422, blank.status(), blank::toString);
        assertThat(blank.body()).contains("\"field\":\"answer\"");
        assertEquals(404, world.officer.post(answerUri(other, concernId), Map.of("answer", "Wrong place.")).status());
        assertEquals(404, world.officer.get("/api/consultations/987654/concerns").status());
    }

    @Test
    void anIncompleteFormIsShownAgainAndRecordsNothing() throws Exception {
        Notified n = notifiedConsultation();

        Api.Reply incomplete = raise(n.token, "", "Nobody told us <b>anything</b>.");

        assertEquals(422, incomplete.status(), incomplete::toString);
        assertThat(incomplete.contentType()).startsWith("text/html");
        assertThat(incomplete.body()).contains("What your concern is about")
                .contains("Nobody told us &lt;b&gt;anything&lt;/b&gt;.").doesNotContain("<b>anything");
        assertEquals(422, raise(n.token, "NO_NOTICE", " ").status());
        assertEquals(422, raise(n.token, "NO_NOTICE", "x".repeat(5001)).status());
        assertEquals(422, raise(n.token, "LOST_IN_POST", "What kind is this?").status());
        assertThat(concerns(world.officer, n.id)).isEmpty();
    }

    @Test
    void aDoubleClickRecordsTheConcernOnce() throws Exception {
        Notified n = notifiedConsultation();
        raise(n.token, "NO_FEEDBACK", "Still waiting.");
        raise(n.token, "NO_FEEDBACK", "Still waiting.");
        assertThat(concerns(world.officer, n.id)).hasSize(1);
    }

    @Test
    void aForgedLinkIs403() {
        assertEquals(403, Api.anonymous(client).get("/o/concern?t=bm90LmEudG9rZW4.AAAA").status());
        assertEquals(403, Api.anonymous(client).get("/o/concern").status());
        Api.Reply forged = raise("bm90LmEudG9rZW4.AAAA", "NO_NOTICE", "Let me in.");
        assertEquals(403, forged.status(), forged::toString);
        assertEquals(403, raise("", "NO_NOTICE", "Let me in.").status());
    }

    @Test
    void needingAFormatBecomesARequestTheOfficerIsMailedAboutAndWhoseAnswerReachesTheContact() throws Exception {
        Notified n = notifiedConsultation();
        String contact = ((List<String>) world.officer.get("/api/organisations/" + n.organisationId).at("emails")).get(0);
        smtp.purgeEmailFromAllMailboxes();

        Api.Reply replied = Api.anonymous(client).send(HttpRequest.POST("/o/reply", "t=" + enc(n.token)
                + "&answer=NEEDS_FORMAT&note=" + enc("We need a BSL interpreter at the public meeting."))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(200, replied.status(), replied::toString);
        assertThat(replied.body()).contains("has been told, and will answer you by email");
        advance(0, 1);

        List<MimeMessage> toOfficer = received("Format request from");
        assertThat(toOfficer).as("the lead officer is mailed at once, once").hasSize(1);
        assertEquals(world.officerName + "@example.org", toOfficer.get(0).getAllRecipients()[0].toString());
        assertThat(MailParts.text(toOfficer.get(0))).contains("We need a BSL interpreter at the public meeting.",
                contact, "/concerns");

        List<Map<String, Object>> listed = concerns(world.officer, n.id);
        assertThat(listed).hasSize(1);
        assertEquals("FORMAT_REQUEST", listed.get(0).get("kind"));
        assertEquals(true, listed.get(0).get("open"));
        assertEquals("We need a BSL interpreter at the public meeting.", listed.get(0).get("text"));

        long requestId = ((Number) listed.get(0).get("id")).longValue();
        Api.Reply answered = world.officer.post(answerUri(n.id, requestId),
                Map.of("answer", "A BSL interpreter is booked for the meeting on 3 May."));
        assertEquals(200, answered.status(), answered::toString);
        advance(0, 1);

        List<MimeMessage> toContact = received("Answer to your request for an accessible format");
        assertThat(toContact).hasSize(1);
        assertEquals(contact, toContact.get(0).getAllRecipients()[0].toString());
        assertThat(MailParts.text(toContact.get(0))).contains("We need a BSL interpreter",
                "A BSL interpreter is booked for the meeting on 3 May.");
    }

    @Test
    void theConcernFormDoesNotOfferAFormatRequestAndRefusesOne() throws Exception {
        Notified n = notifiedConsultation();

        assertThat(Api.anonymous(client).get("/o/concern?t=" + n.token).body()).doesNotContain("FORMAT_REQUEST");
        Api.Reply refused = raise(n.token, "FORMAT_REQUEST", "Large print please.");
        assertEquals(422, refused.status(), refused::toString);
        assertThat(concerns(world.officer, n.id)).isEmpty();
    }

    /** The mail received so far whose subject starts with {@code subject}. */
    private static List<MimeMessage> received(String subject) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith(subject)) {
                found.add(m);
            }
        }
        return found;
    }

    /** A consultation notified by mail, and the reply token of the first targeted organisation's notice. */
    private Notified notifiedConsultation() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        advance(0, 1);
        long organisationId = world.organisationIds.get(0);
        String email = ((List<String>) world.officer.get("/api/organisations/" + organisationId).at("emails")).get(0);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Consultation notice") && m.getAllRecipients()[0].toString().equals(email)) {
                Matcher token = REPLY_TOKEN.matcher(MailParts.text(m));
                if (token.find()) {
                    return new Notified(id, organisationId, token.group(1));
                }
            }
        }
        throw new AssertionError("no notice with a reply link reached " + email);
    }

    private record Notified(long id, long organisationId, String token) {
    }

    private Api.Reply raise(String token, String kind, String text) {
        String form = "t=" + enc(token) + "&kind=" + enc(kind) + "&text=" + enc(text);
        return Api.anonymous(client).send(HttpRequest.POST("/o/concern", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    private static List<Map<String, Object>> concerns(Api api, long consultationId) {
        Api.Reply reply = api.get("/api/consultations/" + consultationId + "/concerns");
        assertEquals(200, reply.status(), reply::toString);
        return reply.list();
    }

    private static String answerUri(long consultationId, long concernId) {
        return "/api/consultations/" + consultationId + "/concerns/" + concernId + "/answer";
    }

    /** Moves the sim clock on by whole local days and minutes (running the mail relay and other due work). */
    private void advance(int days, int minutes) {
        Instant now = Instant.parse((String) world.admin.get("/api/sim/clock").at("now"));
        Instant target = now.atZone(LONDON).plusDays(days).plusMinutes(minutes).toInstant();
        Api.Reply reply = world.admin.put("/api/sim/clock", Map.of("now", target.toString()));
        assertEquals(200, reply.status(), reply::toString);
    }


    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
