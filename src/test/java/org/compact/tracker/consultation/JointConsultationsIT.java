package org.compact.tracker.consultation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Joint consultations (issue 20, item 4): a lead agency consults with partner agencies. The partners are checked
 * and kept; a partner's officers read the consultation and record its feedback, but only the lead's officers change
 * it or take its steps; an officer of an agency outside it is refused as before; organisations get one notice naming
 * every partner, over real SMTP.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JointConsultationsIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;
    /** An officer of a third agency, which is neither lead nor partner. */
    Api outsider;
    long outsiderAgencyId;
    String leadName;
    String partnerName;
    /** The joint consultation whose feedback the partner gave (opens on 2027-05-01). */
    long givenId;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        outsiderAgencyId = world.admin.post("/api/agencies", Map.of("name", "Greater Manchester Police " + world.officerName,
                "kind", "POLICE", "complianceContactEmail", "compact@gmp.example")).id();
        assertEquals(201, world.admin.post("/api/users", Map.of("username", "tess-" + world.officerName,
                "password", "officer-password-outsider", "email", "tess@gmp.example", "agencyId", outsiderAgencyId,
                "roles", List.of("OFFICER"))).status());
        outsider = Api.login(client, "tess-" + world.officerName, "officer-password-outsider");
        leadName = (String) world.admin.get("/api/agencies/" + world.agencyId).at("name");
        partnerName = (String) world.admin.get("/api/agencies/" + world.otherAgencyId).at("name");
    }

    @Test
    @Order(1)
    void partnerAgenciesMustExistDifferFromTheLeadAndBeNamedOnceOrNothingIsRegistered() {
        world.moveForwardTo(LocalDate.of(2027, 1, 4));
        int before = world.officer.get("/api/consultations?agency=" + world.agencyId + "&size=100").list().size();

        for (List<Long> bad : List.of(List.of(world.agencyId), List.of(world.otherAgencyId, world.otherAgencyId),
                List.of(world.otherAgencyId, 987654321L))) {
            Api.Reply refused = world.officer.post("/api/consultations", joint(bad));
            assertEquals(422, refused.status(), refused::toString);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertEquals("partnerAgencyIds", refused.at("errors[0].field"), refused::toString);
        }
        assertThat((String) world.officer.post("/api/consultations", joint(List.of(world.agencyId))).at("errors[0].reason"))
                .contains("lead agency");
        assertThat((String) world.officer.post("/api/consultations", joint(List.of(987654321L))).at("errors[0].reason"))
                .contains("no agency with id [987654321]");
        assertEquals(before, world.officer.get("/api/consultations?agency=" + world.agencyId + "&size=100").list().size(),
                "a refused consultation is not registered");

        Api.Reply registered = world.officer.post("/api/consultations", joint(List.of(world.otherAgencyId, outsiderAgencyId)));
        assertEquals(201, registered.status(), registered::toString);
        long id = registered.id();
        assertEquals(List.of(world.otherAgencyId, outsiderAgencyId), ids(registered.at("partnerAgencyIds")));
        assertEquals(List.of(world.otherAgencyId, outsiderAgencyId),
                ids(world.otherOfficer.get("/api/consultations/" + id).at("partnerAgencyIds")));

        Api.Reply badChange = world.officer.patch("/api/consultations/" + id, Map.of("partnerAgencyIds", List.of(world.agencyId)));
        assertEquals(422, badChange.status(), badChange::toString);
        assertEquals(List.of(world.otherAgencyId, outsiderAgencyId),
                ids(world.officer.get("/api/consultations/" + id).at("partnerAgencyIds")), "a refused change writes nothing");

        Api.Reply changed = world.officer.patch("/api/consultations/" + id, Map.of("partnerAgencyIds", List.of(world.otherAgencyId)));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(List.of(world.otherAgencyId), ids(world.officer.get("/api/consultations/" + id).at("partnerAgencyIds")));
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + id + "/history").list();
        assertThat(history).anySatisfy(h -> {
            assertEquals("UPDATED", h.get("kind"));
            assertThat((String) h.get("detail")).contains("partnerAgencyIds");
        });

        List<Map<String, Object>> partnersList = world.otherOfficer.get("/api/consultations?agency=" + world.otherAgencyId
                + "&size=100").list();
        assertThat(partnersList).as("the partner's list holds the joint consultation, naming its lead")
                .anySatisfy(c -> {
                    assertEquals(id, ((Number) c.get("id")).longValue());
                    assertEquals(world.agencyId, ((Number) c.get("agencyId")).longValue());
                    assertEquals(List.of(world.otherAgencyId), ids(c.get("partnerAgencyIds")));
                });
        assertThat(world.officer.get("/api/consultations?agency=" + outsiderAgencyId + "&size=100").list())
                .as("no longer a partner, no longer in its list")
                .noneSatisfy(c -> assertEquals(id, ((Number) c.get("id")).longValue()));
    }

    @Test
    @Order(2)
    void aPartnersOfficerReadsAndGivesFeedbackButOnlyTheLeadsOfficersChangeItOrTakeItsSteps() {
        LocalDate start = LocalDate.of(2027, 3, 1);
        world.moveForwardTo(start);
        long id = world.register(joint(List.of(world.otherAgencyId)));
        givenId = id;
        String uri = "/api/consultations/" + id;

        assertEquals(403, world.otherOfficer.patch(uri, Map.of("title", "Taken over")).status());
        assertEquals(403, world.otherOfficer.post(uri + "/notify").status());
        assertEquals(403, world.otherOfficer.post(uri + "/withdraw", Map.of("reason", "Not ours")).status());
        assertEquals("New homes in Ordsall", world.officer.get(uri).at("title"));
        assertEquals("PLANNED", world.officer.get(uri).at("status"));

        assertEquals(200, world.otherOfficer.get(uri).status());
        assertEquals(200, world.otherOfficer.get(uri + "/history").status());
        assertEquals(200, world.otherOfficer.get(uri + "/concerns").status(), "a partner reads its concerns");
        assertEquals(200, world.otherOfficer.get(uri + "/participants").status(), "a partner reads who took part");
        assertEquals(403, outsider.get(uri + "/concerns").status(), "an agency outside it does not");
        assertEquals(403, outsider.get(uri + "/participants").status());

        assertEquals(200, world.notify(id).status());
        world.moveForwardTo(start.plusMonths(2));
        assertEquals("OPEN", world.officer.get(uri).at("status"));
        world.moveForwardTo(start.plusMonths(2).plusWeeks(12).plusDays(1));
        assertEquals("CLOSED", world.officer.get(uri).at("status"));

        Api.Reply outsiders = outsider.post(uri + "/feedback", feedback());
        assertEquals(403, outsiders.status(), outsiders::toString);
        assertEquals("CLOSED", world.officer.get(uri).at("status"));

        Api.Reply given = world.otherOfficer.post(uri + "/feedback", feedback());
        assertEquals(201, given.status(), given::toString);
        assertEquals("FEEDBACK_GIVEN", world.officer.get(uri).at("status"));
        long actionId = ((Number) given.at("actions[0].id")).longValue();
        assertEquals(403, outsider.patch(uri + "/actions/" + actionId, Map.of("done", true)).status());
        Api.Reply done = world.otherOfficer.patch(uri + "/actions/" + actionId, Map.of("done", true, "note", "Plan published."));
        assertEquals(200, done.status(), done::toString);
        Api.Reply added = world.otherOfficer.post(uri + "/actions", Map.of("what", "Report back to the ward forum",
                "owner", "Sam", "due", world.today().plusWeeks(2).toString()));
        assertEquals(201, added.status(), added::toString);
        assertEquals(403, outsider.post(uri + "/actions", Map.of("what", "Not ours", "owner", "Tess",
                "due", world.today().plusWeeks(2).toString())).status());
    }

    @Test
    @Order(3)
    void organisationsGetOneNoticeNamingEveryPartner() throws Exception {
        LocalDate start = LocalDate.of(2027, 10, 4);
        world.moveForwardTo(start);
        smtp.purgeEmailFromAllMailboxes();
        long id = world.register(joint(List.of(world.otherAgencyId, outsiderAgencyId)));
        assertEquals(200, world.notify(id).status());

        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Consultation notice")) {
                to.add(m.getAllRecipients()[0].toString());
                String text = MailParts.text(m).replaceAll("\\s+", " ");
                assertThat(text).contains(leadName + ", with " + partnerName + " and Greater Manchester Police");
                assertThat(text).contains("This is a joint consultation of " + leadName + " (which leads it)");
            }
        }
        assertThat(to).as("one notice to each contact of the targeted organisations, not one per agency")
                .isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    @Order(4)
    void theComplianceReportCountsAJointConsultationForEachOfItsAgenciesAndOnceInAll() {
        String period = "from=2027-05-01&to=2027-05-01";
        assertEquals(1, counted(world.otherOfficer, period + "&agency=" + world.otherAgencyId), "the partner's report");
        assertEquals(1, counted(world.officer, period + "&agency=" + world.agencyId), "the lead's report");
        assertEquals(0, counted(outsider, period + "&agency=" + outsiderAgencyId), "an agency outside it");
        assertEquals(1, counted(world.monitor, period), "the whole register counts it once");

        Api.Reply drill = world.otherOfficer.get("/api/compliance/consultations?section=SCOPE&figure=counted&" + period
                + "&agency=" + world.otherAgencyId);
        assertEquals(200, drill.status(), drill::toString);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) drill.json().get("rows");
        assertThat(rows).singleElement().satisfies(r -> {
            assertEquals(givenId, ((Number) r.get("consultationId")).longValue());
            assertEquals(world.agencyId, ((Number) r.get("agencyId")).longValue(), "the row names its lead agency");
            assertEquals(true, r.get("joint"));
        });
    }

    @Test
    @Order(5)
    void thePublicProgrammeNamesEveryPartnerAndListsAJointConsultationUnderEachOfItsAgencies() {
        Api anonymous = Api.anonymous(client);
        Api.Reply partners = anonymous.get("/api/programme?year=2027&agency=" + world.otherAgencyId);
        assertEquals(200, partners.status(), partners::toString);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) partners.at("consultations");
        Map<String, Object> joint = listed.stream().filter(c -> ((Number) c.get("id")).longValue() == givenId)
                .findFirst().orElseThrow(() -> new AssertionError("the partner's programme leaves out " + givenId));
        assertEquals(world.agencyId, ((Number) joint.get("agencyId")).longValue());
        assertEquals(leadName + ", with " + partnerName, joint.get("agency"));
        assertThat((List<Map<String, Object>>) anonymous.get("/api/programme?year=2027&agency=" + outsiderAgencyId)
                .at("consultations")).noneSatisfy(c -> assertEquals(givenId, ((Number) c.get("id")).longValue()));

        Api.Reply results = anonymous.get("/results/" + givenId);
        assertEquals(200, results.status(), results::toString);
        assertThat(results.body()).contains(leadName + ", with " + partnerName);
    }

    @Test
    @Order(6)
    void theWholeRegisterReportPlacesAJointConsultationInEachOfItsAgenciesRowsMarkedJointAndCountsItOnceInAll() {
        String period = "from=2027-05-01&to=2027-05-01";
        Api.Reply report = world.monitor.get("/api/compliance?" + period);
        assertEquals(200, report.status(), report::toString);
        assertEquals(1L, ((Number) report.at("sections.SCOPE.figures.counted.value")).longValue(), "the total counts it once");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.at("byAgency");
        for (long agency : List.of(world.agencyId, world.otherAgencyId)) {
            Map<String, Object> row = row(rows, agency);
            assertEquals(1L, ((Number) row.get("consultations")).longValue(), "agency " + agency + ": " + row);
            assertEquals(1L, ((Number) row.get("jointConsultations")).longValue(), "agency " + agency + ": " + row);
            assertEquals(1L, ((Number) ((Map<String, Object>) ((Map<String, Object>) row.get("rates")).get("FEEDBACK"))
                    .get("met")).longValue(), "its feedback on time counts for agency " + agency);
        }
        assertEquals(0L, ((Number) row(rows, outsiderAgencyId).get("consultations")).longValue());
        assertEquals(0L, ((Number) row(rows, outsiderAgencyId).get("jointConsultations")).longValue());

        Map<String, Object> published = Api.anonymous(client).get("/api/compliance/public?" + period).json();
        Map<String, Object> partnerPublished = row((List<Map<String, Object>>) published.get("agencies"), world.otherAgencyId);
        assertEquals(1L, ((Number) partnerPublished.get("consultations")).longValue());
        assertEquals(1L, ((Number) partnerPublished.get("jointConsultations")).longValue());

        assertThat(Api.anonymous(client).get("/compliance/public?" + period).body())
                .contains("1 consultation counted, of which 1 joint (run with other agencies, and counted for each of them).");

        Api.Reply csv = world.monitor.get("/api/compliance.csv?" + period);
        assertEquals(200, csv.status(), csv::toString);
        assertThat(csv.body()).contains("(agency " + world.otherAgencyId + ") jointConsultations,1,count,");
        assertThat(csv.body()).contains("(agency " + world.agencyId + ") jointConsultations,1,count,");

        Api.Reply page = world.monitor.get("/compliance?" + period);
        assertEquals(200, page.status(), page::toString);
        String partnerSection = page.body().substring(page.body().indexOf("id=\"agency-" + world.otherAgencyId + "\""));
        assertThat(partnerSection.substring(0, partnerSection.indexOf("</section>")))
                .contains("Of which joint", "of which 1 joint consultation, run with other agencies");
    }

    @Test
    @Order(7)
    void theAnnualReportListsAJointConsultationUnderEachOfItsAgenciesSayingWhoLedIt() throws Exception {
        Api.Reply reply = world.monitor.send(io.micronaut.http.HttpRequest.GET("/compliance/annual?year=2027")
                .accept(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, reply.status(), reply::toString);
        List<Map<String, Object>> partners = (List<Map<String, Object>>) reply.json().get("partners");
        Map<String, Object> underLead = consulted(row(partners, world.agencyId), givenId);
        assertEquals(true, underLead.get("joint"));
        assertEquals(List.of(partnerName), underLead.get("jointWith"));
        Map<String, Object> underPartner = consulted(row(partners, world.otherAgencyId), givenId);
        assertEquals(true, underPartner.get("joint"));
        assertEquals(leadName, underPartner.get("leadAgencyName"));
        assertEquals(List.of(leadName), underPartner.get("jointWith"));
        assertThat((List<Map<String, Object>>) row(partners, outsiderAgencyId).get("consulted"))
                .noneSatisfy(c -> assertEquals(givenId, ((Number) c.get("id")).longValue()));
        assertThat(((Number) ((Map<String, Object>) row(partners, world.otherAgencyId).get("thisYear")).get("feedbackGiven"))
                .longValue()).as("the partner's figures count the joint consultation's feedback").isEqualTo(1L);

        Api.Reply page = world.monitor.get("/compliance/annual?year=2027");
        assertEquals(200, page.status(), page::toString);
        String body = page.body().replaceAll("\\s+", " ");
        String leadSection = body.substring(body.indexOf("id=\"agency-" + world.agencyId + "\""));
        assertThat(leadSection.substring(0, leadSection.indexOf("</section>")))
                .contains("New homes in Ordsall (joint with " + partnerName + ")");
        String partnerSection = body.substring(body.indexOf("id=\"agency-" + world.otherAgencyId + "\""));
        assertThat(partnerSection.substring(0, partnerSection.indexOf("</section>")))
                .contains("New homes in Ordsall (joint, led by " + leadName + ")");

        String token = (String) client.toBlocking().retrieve(io.micronaut.http.HttpRequest.POST("/login",
                Map.of("username", "monty" + world.officerName.replace("olivia", ""), "password",
                        "officer-password-" + world.officerName.replace("olivia", ""))), Map.class).get("access_token");
        byte[] pdf = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/compliance/annual.pdf?year=2027"
                + "&agency=" + world.otherAgencyId).bearerAuth(token), byte[].class);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .as("the partner's PDF").contains("New homes in Ordsall (joint, led by " + leadName + ")");
        }
    }

    private static Map<String, Object> consulted(Map<String, Object> partner, long id) {
        return ((List<Map<String, Object>>) partner.get("consulted")).stream()
                .filter(c -> ((Number) c.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError(partner.get("name") + " does not list " + id));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, long agencyId) {
        return rows.stream().filter(r -> ((Number) r.get("agencyId")).longValue() == agencyId).findFirst()
                .orElseThrow(() -> new AssertionError("no row for agency " + agencyId + " in " + rows));
    }

    private static long counted(Api api, String query) {
        Api.Reply report = api.get("/api/compliance?" + query);
        assertEquals(200, report.status(), report::toString);
        return ((Number) report.at("sections.SCOPE.figures.counted.value")).longValue();
    }

    private Map<String, Object> joint(List<Long> partners) {
        Map<String, Object> body = new HashMap<>(world.consultation(world.today().plusMonths(2)));
        body.put("partnerAgencyIds", partners);
        return body;
    }

    private Map<String, Object> feedback() {
        return Map.of("youSaid", "212 people answered. Most want the homes near the tram stop.",
                "weDid", "The homes will go near the tram stop.", "outcome", "CHANGED",
                "decidedOn", world.today().toString(),
                "actions", List.of(Map.of("what", "Publish the updated site plan", "owner", "Olivia",
                        "due", world.today().plusWeeks(1).toString())));
    }

    private static List<Long> ids(Object list) {
        return ((List<?>) list).stream().map(o -> ((Number) o).longValue()).toList();
    }
}
