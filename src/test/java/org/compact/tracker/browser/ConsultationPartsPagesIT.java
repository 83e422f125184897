package org.compact.tracker.browser;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.Links;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The officer pages of a consultation's parts, without a browser: exemptions, concerns, actions and participants.
 * Each form goes through the API's service; a refused form comes back 422 with the error summary linked to the
 * fields and nothing written; a form without its CSRF token is refused; officers of another agency get 403 and
 * monitors read without forms.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationPartsPagesIT {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    LinkSigner signer;

    World world;
    String n;

    @BeforeAll
    void setUp() {
        world = World.create(client);
        n = world.officerName.replace("olivia", "");
    }

    private PageClient signedIn(String username) {
        PageClient b = new PageClient(server.getURI());
        HttpResponse<String> answer = b.signIn(username, "officer-password-" + n);
        assertEquals(303, answer.statusCode(), answer::body);
        return b;
    }

    private PageClient officer() {
        return signedIn(world.officerName);
    }


    private long planned() {
        return world.register(world.consultation(world.today().plusMonths(3)));
    }

    // ------------------------------------------------------------------------------------------ exemptions

    @Test
    void anOfficerRecordsAnExemptionWithItsReasonThroughThePage() {
        long id = planned();
        PageClient b = officer();
        String path = "/consultations/" + id + "/exemptions";
        HttpResponse<String> page = b.get(path + "?rule=DURATION");
        assertEquals(200, page.statusCode(), page::body);
        assertThat(page.body()).contains("<option value=\"DURATION\" selected=\"selected\"");

        HttpResponse<String> recorded = b.submit(path, path, Map.of("ruleId", "DURATION",
                "reason", "The budget decision is fixed by statute for June, so eight weeks is all there is."));
        assertEquals(303, recorded.statusCode(), recorded::body);
        HttpResponse<String> after = b.get(recorded.headers().firstValue("Location").orElseThrow());
        assertThat(after.body()).contains("The exemption is recorded").contains("data-rule=\"DURATION\"")
                .contains("eight weeks is all there is");
        List<Map<String, Object>> exemptions = exemptions(id);
        assertThat(exemptions).singleElement().satisfies(e -> assertEquals("DURATION", e.get("ruleId")));
        assertThat(world.officer.get("/api/consultations/" + id + "/history").body()).contains("EXEMPTION_RECORDED");
    }

    @Test
    void aRefusedExemptionNamesTheFieldsAndWritesNothing() {
        long id = planned();
        PageClient b = officer();
        String path = "/consultations/" + id + "/exemptions";
        HttpResponse<String> refused = b.submit(path, path, Map.of("ruleId", "", "reason", "short"));
        assertEquals(422, refused.statusCode());
        assertThat(refused.body()).contains("id=\"error-summary\"").contains("href=\"#ruleId\"").contains("href=\"#reason\"")
                .contains("at least 10 characters").contains(">short</textarea>");
        assertEquals(422, b.submit(path, path, Map.of("ruleId", "OPT_OUT", "reason", "We never honour opt-outs, ever.")).statusCode());
        assertEquals(422, b.submit(path, path, Map.of("ruleId", "NO_SUCH_RULE", "reason", "A long enough reason here.")).statusCode());
        assertThat(exemptions(id)).isEmpty();
        assertThat(world.officer.get("/api/consultations/" + id + "/history").body()).doesNotContain("EXEMPTION_RECORDED");
    }

    @Test
    void everyFormOfThePartsNeedsItsCsrfToken() {
        long id = planned();
        PageClient b = officer();
        b.get("/consultations/" + id + "/exemptions");
        assertEquals(403, b.post("/consultations/" + id + "/exemptions", Map.of("ruleId", "DURATION",
                "reason", "Forged by another site, long enough.")).statusCode());
        assertEquals(403, b.post("/consultations/" + id + "/participants", Map.of("name", "Forged",
                "email", "forged@example.org")).statusCode());
        assertEquals(403, b.post("/consultations/" + id + "/participants/import", Map.of("csv",
                "name,email\nForged,forged@example.org\n")).statusCode());
        assertEquals(403, b.post("/consultations/" + id + "/concerns/1/answer", Map.of("answer", "Forged")).statusCode());
        assertEquals(403, b.post("/consultations/" + id + "/actions/1/done", Map.of("note", "Forged")).statusCode());
        assertEquals(403, b.post("/consultations/" + id + "/participants/1/withdraw", Map.of("confirm", "yes")).statusCode());
        assertEquals(403, b.post("/consultations/" + id + "/actions", Map.of("what", "Forged", "owner", "x",
                "due", world.today().plusDays(1).toString())).statusCode());
        assertThat(exemptions(id)).isEmpty();
        assertThat(world.officer.get("/api/consultations/" + id + "/participants").list()).isEmpty();
    }

    @Test
    void anOfficerOfAnotherAgencyGets403AndAMonitorReadsWithoutForms() {
        long id = planned();
        PageClient other = signedIn("sam" + n);
        PageClient monitor = signedIn("monty" + n);
        for (String part : List.of("exemptions", "concerns", "actions", "participants")) {
            String path = "/consultations/" + id + "/" + part;
            assertEquals(403, other.get(path).statusCode(), path);
            HttpResponse<String> read = monitor.get(path);
            assertEquals(200, read.statusCode(), path);
            assertThat(read.body()).as(path).doesNotContain("method=\"post\" action=\"/consultations/");
        }
        assertEquals(403, other.submit("/dashboard", "/consultations/" + id + "/exemptions",
                Map.of("ruleId", "DURATION", "reason", "Taken over by another agency.")).statusCode());
        assertEquals(403, monitor.submit("/dashboard", "/consultations/" + id + "/participants",
                Map.of("name", "Monty", "email", "monty@example.org")).statusCode());
        assertThat(exemptions(id)).isEmpty();
        assertThat(world.officer.get("/api/consultations/" + id + "/participants").list()).isEmpty();
    }

    @Test
    void aMangledConfirmationParameterShowsThePageWithoutTheMessage() {
        long id = planned();
        PageClient b = officer();
        for (String path : List.of("/participants?imported=x", "/participants?withdrawn=99999999999999999999",
                "/actions?done=%27&added=1e3", "/concerns?answered=abc")) {
            HttpResponse<String> page = b.get("/consultations/" + id + path);
            assertEquals(200, page.statusCode(), path);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).doesNotContain("participants imported").doesNotContain("role=\"status\"");
        }
        assertThat(b.get("/consultations/" + id + "/participants?imported=3").body()).contains("3 participants imported.");
        assertThat(b.get("/consultations/" + id + "/participants?imported=1").body()).as("plural right")
                .contains("1 participant imported.");
    }

    @Test
    void anOfficerOfAnotherAgencyReadsTheConsultationPageButNotWhoTookPartOrRaisedConcerns() {
        long id = planned();
        assertEquals(201, world.officer.post("/api/consultations/" + id + "/participants",
                Map.of("name", "Zoe Ng", "email", "zoe@example.org")).status());
        String parts = "href=\"/consultations/" + id + "/participants\"";

        HttpResponse<String> own = officer().get("/consultations/" + id);
        assertEquals(200, own.statusCode(), own::body);
        assertThat(own.body()).contains("Concerns raised").contains(parts);

        HttpResponse<String> other = signedIn("sam" + n).get("/consultations/" + id);
        assertEquals(200, other.statusCode(), other::body);
        assertThat(other.body()).contains("History").doesNotContain("Concerns raised").doesNotContain(parts)
                .doesNotContain("Zoe Ng").doesNotContain("zoe@example.org");
    }

    @Test
    void aPartnerAgencysOfficerSeesAJointConsultationMarkedAndReadsItsPartsButOnlyTheLeadChangesIt() {
        Map<String, Object> body = new java.util.HashMap<>(world.consultation(world.today().plusMonths(3)));
        body.put("partnerAgencyIds", List.of(world.otherAgencyId));
        long id = world.register(body);
        String lead = (String) world.admin.get("/api/agencies/" + world.agencyId).at("name");
        String partner = (String) world.admin.get("/api/agencies/" + world.otherAgencyId).at("name");
        PageClient sam = signedIn("sam" + n);

        HttpResponse<String> dashboard = sam.get("/dashboard");
        assertEquals(200, dashboard.statusCode(), dashboard::body);
        assertThat(dashboard.body()).contains("data-consultation=\"" + id + "\"").contains("Joint, led by " + lead);
        assertThat(officer().get("/dashboard").body()).contains("Joint, with " + partner);

        HttpResponse<String> details = sam.get("/consultations/" + id);
        assertEquals(200, details.statusCode(), details::body);
        assertThat(details.body()).contains("Agencies (joint)").contains(lead + " (leads it), with " + partner)
                .contains("href=\"/consultations/" + id + "/concerns\"")
                .doesNotContain("data-step=").doesNotContain("Change the details");
        for (String part : List.of("exemptions", "concerns", "actions", "participants")) {
            String path = "/consultations/" + id + "/" + part;
            HttpResponse<String> read = sam.get(path);
            assertEquals(200, read.statusCode(), path);
        }
        assertThat(sam.get("/consultations/" + id + "/exemptions").body())
                .doesNotContain("method=\"post\" action=\"/consultations/");
        assertEquals(403, sam.get("/consultations/" + id + "/edit").statusCode());
        assertEquals(403, sam.submit("/dashboard", "/consultations/" + id + "/exemptions",
                Map.of("ruleId", "DURATION", "reason", "Taken over by a partner agency.")).statusCode());
        assertThat(exemptions(id)).isEmpty();

        HttpResponse<String> form = officer().get("/consultations/" + id + "/edit");
        assertEquals(200, form.statusCode(), form::body);
        assertThat(form.body()).contains("Partner agencies (a joint consultation)")
                .containsPattern("name=\"partnerAgencyIds\" id=\"partner-" + world.otherAgencyId + "\" value=\""
                        + world.otherAgencyId + "\" checked")
                .doesNotContain("id=\"partner-" + world.agencyId + "\"");
    }

    // ------------------------------------------------------------------------------------------ participants

    @Test
    void participantsAreAddedOneByOneAndImportedWholeOrNotAtAll() {
        long id = planned();
        PageClient b = officer();
        String path = "/consultations/" + id + "/participants";
        HttpResponse<String> added = b.submit(path, path, Map.of("name", "Ordsall Residents", "email", "Residents@Example.org",
                "consentAt", ""));
        assertEquals(303, added.statusCode(), added::body);
        assertThat(b.get(path).body()).contains("residents@example.org").contains("Ordsall Residents");

        HttpResponse<String> bad = b.submit(path, path, Map.of("name", "", "email", "not an address", "consentAt", ""));
        assertEquals(422, bad.statusCode());
        assertThat(bad.body()).contains("href=\"#name\"").contains("href=\"#email\"").contains("value=\"not an address\"");

        String file = "name,email\nAmina Khan,amina@example.org\nBad Line,not-an-email\nJoe Bloggs,joe@example.org\n";
        HttpResponse<String> refused = b.submit(path, path + "/import", Map.of("csv", file));
        assertEquals(422, refused.statusCode());
        assertThat(refused.body()).contains("href=\"#csv\"").contains("Participants file, line 3")
                .contains("Amina Khan,amina@example.org");
        assertThat(world.officer.get("/api/consultations/" + id + "/participants").list()).hasSize(1);

        HttpResponse<String> imported = b.submit(path, path + "/import",
                Map.of("csv", "name,email\nAmina Khan,amina@example.org\nJoe Bloggs,joe@example.org\n"));
        assertEquals(303, imported.statusCode(), imported::body);
        assertThat(b.get(imported.headers().firstValue("Location").orElseThrow()).body()).contains("2 participants imported");
        assertThat(world.officer.get("/api/consultations/" + id + "/participants").list()).hasSize(3);
    }

    @Test
    void anOfficerWithdrawsAParticipantsConsentAfterConfirmingAndMonitorsOnlyRead() {
        long id = planned();
        long zoe = ((Number) world.officer.post("/api/consultations/" + id + "/participants",
                Map.of("name", "Zoe Ng", "email", "zoe@example.org")).at("id")).longValue();
        PageClient b = officer();
        String path = "/consultations/" + id + "/participants";
        String withdraw = path + "/" + zoe + "/withdraw";
        assertThat(b.get(path).body()).contains("action=\"" + withdraw + "\"").contains("id=\"confirm-" + zoe + "\"");

        HttpResponse<String> unconfirmed = b.submit(path, withdraw, Map.of());
        assertEquals(422, unconfirmed.statusCode(), unconfirmed::body);
        assertThat(unconfirmed.body()).contains("id=\"error-summary\"").contains("href=\"#confirm-" + zoe + "\"")
                .contains("tick the box");
        assertNull(world.officer.get("/api/consultations/" + id + "/participants").list().get(0).get("consentWithdrawnAt"));

        PageClient monitor = signedIn("monty" + n);
        assertThat(monitor.get(path).body()).doesNotContain("Withdraw consent");
        assertEquals(403, monitor.submit("/dashboard", withdraw, Map.of("confirm", "yes")).statusCode());
        PageClient other = signedIn("sam" + n);
        assertEquals(403, other.submit("/dashboard", withdraw, Map.of("confirm", "yes")).statusCode());
        assertNull(world.officer.get("/api/consultations/" + id + "/participants").list().get(0).get("consentWithdrawnAt"));

        HttpResponse<String> done = b.submit(path, withdraw, Map.of("confirm", "yes"));
        assertEquals(303, done.statusCode(), done::body);
        assertThat(b.get(done.headers().firstValue("Location").orElseThrow()).body()).contains("Their consent is withdrawn")
                .contains("Withdrew on").doesNotContain("action=\"" + withdraw + "\"");
        assertThat(world.officer.get("/api/consultations/" + id + "/participants").list().get(0).get("consentWithdrawnAt")).isNotNull();
        assertThat(world.officer.get("/api/consultations/" + id + "/history").body()).contains("CONSENT_WITHDRAWN")
                .contains(world.officerName);

        HttpResponse<String> twice = b.submit("/consultations/" + id, withdraw, Map.of("confirm", "yes"));
        assertEquals(409, twice.statusCode(), twice::body);
        assertThat(twice.body()).contains("already withdrew consent").doesNotContain("href=\"#confirm-" + zoe + "\"");
    }

    // ------------------------------------------------------------------------------------------ concerns and actions

    @Test
    void anOfficerAnswersAConcernOnceAndMarksAnActionDone() {
        long id = planned();
        // NOTICE counts from receipt: the relay delivers the notices before time moves on
        assertEquals(200, world.notify(id).status());
        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = ((List<Map<String, Object>>) world.officer.get("/api/consultations/" + id
                + "/deliveries").json().get("deliveries")).get(0);
        String token = signer.sign(Links.REPLY, ((Number) delivery.get("id")).longValue(), (String) delivery.get("email"),
                world.today().plusYears(1));
        Api.Reply raised = Api.anonymous(client).send(HttpRequest.POST("/o/concern", "t=" + enc(token)
                + "&kind=FORMAT_UNSUITABLE&text=" + enc("The survey was online only.")).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertEquals(200, raised.status(), raised::toString);
        long concernId = ((Number) world.officer.get("/api/consultations/" + id + "/concerns").list().get(0).get("id")).longValue();

        PageClient b = officer();
        String path = "/consultations/" + id + "/concerns";
        assertThat(b.get(path).body()).contains("The survey was online only.").contains("Open for 0 days")
                .contains("id=\"answer-" + concernId + "\"");
        HttpResponse<String> blank = b.submit(path, path + "/" + concernId + "/answer", Map.of("answer", "  "));
        assertEquals(422, blank.statusCode());
        assertThat(blank.body()).contains("href=\"#answer-" + concernId + "\"").contains("Answer to concern " + concernId);
        assertEquals(true, world.officer.get("/api/consultations/" + id + "/concerns").list().get(0).get("open"));

        HttpResponse<String> answered = b.submit(path, path + "/" + concernId + "/answer",
                Map.of("answer", "We will post paper forms and hold a drop-in session."));
        assertEquals(303, answered.statusCode(), answered::body);
        assertThat(b.get(path).body()).contains("We will post paper forms").contains("Answered")
                .doesNotContain("id=\"answer-" + concernId + "\"");
        HttpResponse<String> again = b.submit("/consultations/" + id, path + "/" + concernId + "/answer",
                Map.of("answer", "A second answer."));
        assertEquals(409, again.statusCode());
        assertThat(again.body()).contains("already answered");

        long actionId = feedbackWithAnAction(id);
        String actions = "/consultations/" + id + "/actions";
        assertThat(b.get(actions).body()).contains("Publish the revised site plan").contains("Due in");
        HttpResponse<String> tooLong = b.submit(actions, actions + "/" + actionId + "/done", Map.of("note", "x".repeat(5001)));
        assertEquals(422, tooLong.statusCode());
        assertThat(tooLong.body()).contains("href=\"#note-" + actionId + "\"");
        HttpResponse<String> done = b.submit(actions, actions + "/" + actionId + "/done", Map.of("note", "Published on the website."));
        assertEquals(303, done.statusCode(), done::body);
        assertThat(b.get(actions).body()).contains("Done on").contains("Published on the website.");
        assertThat(world.officer.get("/api/consultations/" + id + "/actions").list().get(0).get("doneOn")).isNotNull();
    }

    @Test
    void anOfficerAddsAnActionAfterTheFeedbackAndARefusedOneNamesItsFieldsAndWritesNothing() {
        long id = planned();
        String actions = "/consultations/" + id + "/actions";
        PageClient b = officer();
        assertThat(b.get(actions).body()).as("no form before the feedback").doesNotContain("Add an action");
        // NOTICE counts from receipt: the relay delivers the notices before time moves on
        assertEquals(200, world.notify(id).status());
        feedbackWithAnAction(id);
        int historyBefore = world.officer.get("/api/consultations/" + id + "/history").list().size();
        assertThat(b.get(actions).body()).contains("Add an action").contains("id=\"new-what\"");

        HttpResponse<String> refused = b.submit(actions, actions, Map.of("what", "Ring the tenants' forum",
                "owner", "", "due", world.today().minusDays(1).toString()));
        assertEquals(422, refused.statusCode(), refused::body);
        assertThat(refused.body()).contains("id=\"error-summary\"").contains("href=\"#new-owner\"")
                .contains("href=\"#new-due\"").contains("must not be in the past")
                .contains(">Ring the tenants&#39; forum</textarea>");
        HttpResponse<String> badDate = b.submit(actions, actions, Map.of("what", "Ring the forum", "owner", "Planning team",
                "due", "next week"));
        assertEquals(422, badDate.statusCode());
        assertThat(badDate.body()).contains("href=\"#new-due\"").contains("YYYY-MM-DD");
        assertThat(world.officer.get("/api/consultations/" + id + "/actions").list()).hasSize(1);
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list()).hasSize(historyBefore);

        PageClient monitor = signedIn("monty" + n);
        assertThat(monitor.get(actions).body()).doesNotContain("Add an action");
        assertEquals(403, monitor.submit("/dashboard", actions, Map.of("what", "Monty's action", "owner", "monty",
                "due", world.today().plusDays(1).toString())).statusCode());
        PageClient other = signedIn("sam" + n);
        assertEquals(403, other.submit("/dashboard", actions, Map.of("what", "Sam's action", "owner", "sam",
                "due", world.today().plusDays(1).toString())).statusCode());

        HttpResponse<String> added = b.submit(actions, actions, Map.of("what", "Ring the tenants' forum",
                "owner", "Planning team", "due", world.today().plusWeeks(2).toString()));
        assertEquals(303, added.statusCode(), added::body);
        HttpResponse<String> after = b.get(added.headers().firstValue("Location").orElseThrow());
        assertThat(after.body()).contains("The action is added").contains("Ring the tenants&#39; forum").contains("Due in 14 days");
        assertThat(world.officer.get("/api/consultations/" + id + "/actions").list()).hasSize(2);
        assertThat(world.officer.get("/api/consultations/" + id + "/history").body()).contains("ACTION_ADDED");
    }

    @Test
    void theFeedbackFormRefusesWhatTheApiRefusesAndRecordsNothing() {
        long id = planned();
        // NOTICE counts from receipt: the relay delivers the notices before time moves on
        assertEquals(200, world.notify(id).status());
        LocalDate opensOn = LocalDate.parse((String) world.officer.get("/api/consultations/" + id).at("opensOn"));
        world.moveTo(opensOn);
        world.moveTo(opensOn.plusWeeks(12).plusDays(1));
        assertEquals("CLOSED", world.officer.get("/api/consultations/" + id).at("status"));
        String path = "/consultations/" + id + "/feedback";
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("youSaid", "Paper forms, please.");
        form.put("weDid", "Paper forms at every library.");
        form.put("outcome", "CHANGED");
        form.put("reportUrl", "https://example.org/" + "a".repeat(2000));
        form.put("actions.0.what", "Publish the plan");
        form.put("actions.0.owner", "O".repeat(321));
        form.put("actions.0.due", world.today().plusWeeks(6).toString());

        HttpResponse<String> refused = officer().submit(path, path, form);

        assertEquals(422, refused.statusCode(), refused::body);
        assertThat(refused.body()).contains("href=\"#reportUrl\"").contains("Actions");
        assertEquals("CLOSED", world.officer.get("/api/consultations/" + id).at("status"));
    }

    /** Walks the consultation to feedback with one promised action (moving the sim clock), returning the action. */
    private long feedbackWithAnAction(long id) {
        LocalDate opensOn = LocalDate.parse((String) world.officer.get("/api/consultations/" + id).at("opensOn"));
        world.moveTo(opensOn);
        world.moveTo(opensOn.plusWeeks(12).plusDays(1));
        assertEquals("CLOSED", world.officer.get("/api/consultations/" + id).at("status"));
        Api.Reply given = world.officer.post("/api/consultations/" + id + "/feedback", Map.of("youSaid", "Paper forms, please.",
                "weDid", "Paper forms at every library.", "outcome", "CHANGED",
                "actions", List.of(Map.of("what", "Publish the revised site plan", "owner", "Planning team",
                        "due", world.today().plusWeeks(6).toString()))));
        assertEquals(201, given.status(), given::toString);
        return ((Number) world.officer.get("/api/consultations/" + id + "/actions").list().get(0).get("id")).longValue();
    }


    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> exemptions(long id) {
        Object e = world.officer.get("/api/consultations/" + id).json().get("exemptions");
        return e == null ? List.of() : (List<Map<String, Object>>) e;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
