package org.compact.tracker.compliance;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.Jsons;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The annual Compact monitoring report and the public compliance page over two years of two agencies' consultations
 * built through the API on the sim clock (notices delivered over GreenMail): the annual report's rates agree with
 * the compliance report of the same year and agency, this year and last; the page reads in words and escapes what
 * officers wrote; the PDF carries the same report with its fonts embedded and tagged; access follows the report's;
 * the public page lists the consultations awaiting late feedback and is kept like the other public answers.
 *
 * <pre>
 * C0 (A) opens 2030-03-03, notified 2030-01-06, feedback 2030-06-02   last year: on time
 * C1 (A) opens 2031-02-03, notified 2030-12-01, feedback 2031-05-12   on time
 * C2 (A) opens 2031-03-03, closes 04-13, notified 2031-02-17          DURATION and NOTICE exemptions; a concern raised
 *                                                                     02-20, answered 02-25; no feedback: due 07-06,
 *                                                                     57 days late on 2031-09-01
 * C4 (B) opens 2031-05-05, notified 2031-03-10                        closed 07-28, feedback not yet due
 * </pre>
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportIT implements TestPropertyProvider {
    private static final Pattern REPLY_TOKEN = Pattern.compile("/o/reply\\?t=([A-Za-z0-9_.-]+)");
    private static final String SHELTER = "<script>alert('x')</script> Winter shelter & hostel";
    private static final String DURATION_REASON = "The shelter must open before the cold weather: Cabinet & <b>March</b>.";
    private static final String NOTICE_REASON = "Six weeks' notice was agreed with the Homeless Forum on 10 February.";
    private static final String ANSWER = "We agreed the shorter notice with the Homeless Forum; sorry it reached you late.";

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;
    long c0;
    long c1;
    long c2;
    long c4;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.jobs.enabled", "false");
    }

    @BeforeAll
    void buildTwoYears() throws Exception {
        world = World.create(client);
        world.moveTo(LocalDate.of(2030, 1, 6));
        c0 = notified(world.consultation(LocalDate.of(2030, 3, 3)));
        world.moveTo(LocalDate.of(2030, 3, 3));
        world.moveTo(LocalDate.of(2030, 5, 27));
        world.moveTo(LocalDate.of(2030, 6, 2));
        giveFeedback(c0, "2030-09-01");

        world.moveTo(LocalDate.of(2030, 12, 1));
        c1 = notified(world.consultation(LocalDate.of(2031, 2, 3)));
        world.moveTo(LocalDate.of(2031, 2, 3));
        world.moveTo(LocalDate.of(2031, 2, 17));
        Map<String, Object> shelter = world.consultation(LocalDate.of(2031, 3, 3));
        shelter.put("title", SHELTER);
        shelter.put("closesOn", "2031-04-13");
        c2 = world.register(shelter);
        exempt(c2, "DURATION", DURATION_REASON);
        notify(c2);
        exempt(c2, "NOTICE", NOTICE_REASON);
        world.moveTo(LocalDate.of(2031, 2, 20));
        raiseConcern(c2, "NO_NOTICE", "Two weeks is not enough for our committee to meet.");
        world.moveTo(LocalDate.of(2031, 2, 25));
        long concern = ((Number) world.officer.get("/api/consultations/" + c2 + "/concerns").list().get(0).get("id"))
                .longValue();
        assertEquals(200, world.officer.post("/api/consultations/" + c2 + "/concerns/" + concern + "/answer",
                Map.of("answer", ANSWER)).status());
        world.moveTo(LocalDate.of(2031, 3, 3));

        world.moveTo(LocalDate.of(2031, 3, 10));
        Map<String, Object> youth = world.consultation(LocalDate.of(2031, 5, 5));
        youth.put("title", "Youth club opening hours");
        Api.Reply created = world.otherOfficer.post("/api/consultations", youth);
        assertEquals(201, created.status(), created::toString);
        c4 = created.id();
        assertEquals(200, world.otherOfficer.post("/api/consultations/" + c4 + "/notify").status());
        deliverMail();
        world.moveTo(LocalDate.of(2031, 4, 14));
        world.moveTo(LocalDate.of(2031, 4, 29));
        world.moveTo(LocalDate.of(2031, 5, 5));
        world.moveTo(LocalDate.of(2031, 5, 12));
        giveFeedback(c1, "2031-06-01");
        world.moveTo(LocalDate.of(2031, 7, 29));
        world.moveTo(LocalDate.of(2031, 9, 1));
        assertEquals("CLOSED", (String) world.officer.get("/api/consultations/" + c2).at("status"));
    }

    @Test
    void theAnnualReportAgreesWithTheComplianceReportOfTheSameYearAndAgencyThisYearAndLast() {
        Map<String, Object> annual = annualJson(world.monitor, "year=2031");
        assertEquals(2031, ((Number) annual.get("year")).intValue());
        List<Map<String, Object>> partners = (List<Map<String, Object>>) annual.get("partners");
        assertThat(partners).extracting(p -> ((Number) p.get("agencyId")).longValue())
                .contains(world.agencyId, world.otherAgencyId);
        List<Map<String, Object>> now = byAgency(world.monitor.get("/api/compliance?from=2031-01-01&to=2031-12-31"));
        List<Map<String, Object>> before = byAgency(world.monitor.get("/api/compliance?from=2030-01-01&to=2030-12-31"));
        int compared = 0;
        for (Map<String, Object> partner : partners) {
            long id = ((Number) partner.get("agencyId")).longValue();
            Map<String, Object> rNow = row(now, id);
            Map<String, Object> rBefore = row(before, id);
            assertEquals(((Number) rNow.get("consultations")).longValue(),
                    ((Number) Jsons.at(partner, "thisYear.counted")).longValue());
            assertEquals(((Number) rBefore.get("consultations")).longValue(),
                    ((Number) Jsons.at(partner, "lastYear.counted")).longValue());
            for (Map<String, Object> standard : (List<Map<String, Object>>) partner.get("standards")) {
                String rule = (String) standard.get("rule");
                assertEquals(Jsons.at(rNow, "rates." + rule), standard.get("thisYear"), rule + " this year, agency " + id);
                assertEquals(Jsons.at(rBefore, "rates." + rule), standard.get("lastYear"), rule + " last year, agency " + id);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(10 * partners.size());

        Map<String, Object> a = partner(partners, world.agencyId);
        assertEquals(2, ((Number) Jsons.at(a, "thisYear.consultations")).intValue());
        assertEquals(1, ((Number) Jsons.at(a, "lastYear.consultations")).intValue());
        assertEquals(1, ((Number) Jsons.at(a, "thisYear.feedbackOverdue")).intValue());
        assertThat((List<Map<String, Object>>) a.get("consulted")).extracting(c -> ((Number) c.get("id")).longValue())
                .containsExactly(c1, c2);
        assertThat((List<Map<String, Object>>) a.get("exemptions")).extracting(e -> e.get("reason"))
                .containsExactlyInAnyOrder(DURATION_REASON, NOTICE_REASON);
        List<Map<String, Object>> late = (List<Map<String, Object>>) a.get("lateFeedback");
        assertThat(late).hasSize(1);
        assertEquals(c2, ((Number) late.get(0).get("consultationId")).longValue());
        assertEquals("2031-07-06", late.get(0).get("dueOn"));
        List<Map<String, Object>> concerns = (List<Map<String, Object>>) a.get("concerns");
        assertThat(concerns).hasSize(1);
        assertEquals(ANSWER, concerns.get(0).get("answer"));
        assertEquals("2031-02-25", concerns.get(0).get("answeredOn"));
    }

    @Test
    void thePageReadsInWordsAndEscapesWhatOfficersWrote() {
        Api.Reply page = world.monitor.get("/compliance/annual?year=2031&agency=" + world.agencyId);
        assertEquals(200, page.status(), page::toString);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Annual Compact monitoring report 2031", "Twelve weeks to respond",
                "Notice of a consultation at least a month before it opens", "Closed, awaiting feedback",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Winter shelter &amp; hostel",
                "Cabinet &amp; &lt;b&gt;March&lt;/b&gt;.", "Download this report as a PDF", "2 of 2 (100%)");
        assertThat(page.body()).doesNotContain("<script>alert", "<b>March", ">DURATION<", "FEEDBACK_GIVEN",
                "fullNoticeRate");
    }

    @Test
    void thePdfCarriesTheReportWithItsFontsEmbeddedAndIsTagged() throws Exception {
        String token = token("monty" + world.officerName.replace("olivia", ""));
        byte[] byAccept = client.toBlocking().retrieve(HttpRequest.GET("/compliance/annual?year=2031&agency="
                + world.agencyId).bearerAuth(token).accept("application/pdf"), byte[].class);
        HttpResponse<byte[]> bySuffix = client.toBlocking().exchange(HttpRequest.GET("/compliance/annual.pdf?year=2031"
                + "&agency=" + world.agencyId).bearerAuth(token), byte[].class);
        assertEquals("application/pdf", bySuffix.getContentType().orElseThrow().getName());
        for (byte[] pdf : List.of(byAccept, bySuffix.body())) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains("Annual Compact monitoring report 2031", "Twelve weeks to respond",
                        SHELTER, DURATION_REASON, ANSWER);
                assertThat(doc.getDocumentInformation().getTitle()).startsWith("Annual Compact monitoring report 2031");
                assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
                assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged PDF").isTrue();
                assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
                assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
                List<String> fonts = new ArrayList<>();
                for (PDPage page : doc.getPages()) {
                    PDResources resources = page.getResources();
                    for (var name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                        fonts.add(font.getName());
                    }
                }
                assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
            }
        }
    }

    @Test
    void accessFollowsTheComplianceReportAndBadInputIsRefusedNamingTheField() {
        Map<String, Object> own = annualJson(world.officer, "year=2031");
        assertThat((List<Map<String, Object>>) own.get("partners")).extracting(p -> ((Number) p.get("agencyId")).longValue())
                .containsExactly(world.agencyId);
        assertEquals(403, world.officer.get("/compliance/annual.pdf?year=2031&agency=" + world.otherAgencyId).status());
        Api.Reply badYear = world.monitor.get("/compliance/annual.pdf?year=20x1");
        assertEquals(422, badYear.status(), badYear::toString);
        assertThat(badYear.contentType()).startsWith("application/problem+json");
        assertEquals("year", badYear.at("errors[0].field"));
        Api.Reply badPage = world.monitor.get("/compliance/annual?year=1066");
        assertEquals(422, badPage.status(), badPage::toString);
        assertThat(badPage.body()).contains("1901 to 2100");
        assertEquals(401, Api.anonymous(client).get("/compliance/annual.pdf?year=2031").status());
    }

    @Test
    void thePublicPageListsConsultationsAwaitingFeedbackAndIsKeptLikeThePublicAnswers() {
        Map<String, Object> summary = Api.anonymous(client).get("/api/compliance/public").json();
        List<Map<String, Object>> awaiting = (List<Map<String, Object>>) summary.get("awaitingFeedback");
        assertThat(awaiting).extracting(w -> ((Number) w.get("consultationId")).longValue()).containsExactly(c2);
        assertEquals("2031-07-06", awaiting.get(0).get("feedbackDue"));
        assertEquals(57, ((Number) awaiting.get(0).get("daysLate")).intValue());

        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/compliance/public"), String.class);
        assertEquals(200, page.code());
        assertThat(page.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertEquals("public, max-age=300", page.header("Cache-Control"));
        String etag = page.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(page.body()).contains("How the Compact", "Consultations awaiting feedback",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Winter shelter &amp; hostel", "6 July 2031",
                "Feedback given on time", "Salford City Council");
        assertThat(page.body()).doesNotContain("<script>alert", "onTimeRate", "MONITOR");
        HttpClientResponseException notModified = null;
        try {
            HttpResponse<String> again = client.toBlocking().exchange(HttpRequest.GET("/compliance/public")
                    .header("If-None-Match", etag), String.class);
            assertEquals(304, again.code());
        } catch (HttpClientResponseException e) {
            notModified = e;
        }
        if (notModified != null) {
            assertEquals(304, notModified.getStatus().getCode());
        }
    }

    private Map<String, Object> annualJson(Api api, String query) {
        Api.Reply reply = api.send(HttpRequest.GET("/compliance/annual?" + query).accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, reply.status(), reply::toString);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    private static List<Map<String, Object>> byAgency(Api.Reply report) {
        assertEquals(200, report.status(), report::toString);
        return (List<Map<String, Object>>) report.json().get("byAgency");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, long agencyId) {
        return rows.stream().filter(r -> ((Number) r.get("agencyId")).longValue() == agencyId).findFirst().orElseThrow();
    }

    private static Map<String, Object> partner(List<Map<String, Object>> partners, long agencyId) {
        return partners.stream().filter(r -> ((Number) r.get("agencyId")).longValue() == agencyId).findFirst()
                .orElseThrow();
    }

    private long notified(Map<String, Object> body) {
        long id = world.register(body);
        notify(id);
        return id;
    }

    private void notify(long id) {
        Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        deliverMail();
    }

    private void exempt(long id, String rule, String reason) {
        Api.Reply r = world.officer.post("/api/consultations/" + id + "/exemptions", Map.of("ruleId", rule, "reason", reason));
        assertEquals(201, r.status(), r::toString);
    }

    private void giveFeedback(long id, String actionDue) {
        Map<String, Object> body = new HashMap<>();
        body.put("youSaid", "Most people want the homes near the tram stop.");
        body.put("weDid", "The homes will go near the tram stop.");
        body.put("outcome", "CHANGED");
        body.put("actions", List.of(Map.of("what", "Publish the site plan", "owner", world.officerName, "due", actionDue)));
        Api.Reply given = world.officer.post("/api/consultations/" + id + "/feedback", body);
        assertEquals(201, given.status(), given::toString);
    }

    /** Raises a concern with the reply link of the notice the first organisation (Ordsall Tenants) got. */
    private void raiseConcern(long consultationId, String kind, String text) throws Exception {
        String email = ((List<String>) world.officer.get("/api/organisations/" + world.organisationIds.get(0))
                .at("emails")).get(0);
        String token = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getMessageID().startsWith("<notice-" + consultationId + "-")
                    && m.getAllRecipients()[0].toString().equals(email)) {
                Matcher found = REPLY_TOKEN.matcher(MailParts.text(m));
                if (found.find()) {
                    token = found.group(1);
                }
            }
        }
        assertThat(token).as("a notice with a reply link").isNotNull();
        String form = "t=" + enc(token) + "&kind=" + enc(kind) + "&text=" + enc(text);
        Api.Reply raised = Api.anonymous(client).send(HttpRequest.POST("/o/concern", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(200, raised.status(), raised::toString);
    }

    private String token(String username) {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username,
                "password", "officer-password-" + world.officerName.replace("olivia", ""))),
                Argument.mapOf(String.class, Object.class));
        return (String) body.get("access_token");
    }

    /** Runs the due work at the current instant again: the relay sends what was just queued, at the same minute. */
    private void deliverMail() {
        Api.Reply now = world.admin.get("/api/sim/clock");
        assertEquals(200, world.admin.put("/api/sim/clock", Map.of("now", now.at("now"))).status());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
