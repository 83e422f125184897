package org.compact.tracker.compliance;

import org.compact.tracker.support.MailParts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.compact.tracker.rules.RuleSettings;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.Jsons;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A year of two agencies' consultations built through the API on the sim clock, with notices delivered over real
 * SMTP (GreenMail) so that each delivery has the time the server accepted it; then every figure of the compliance
 * report is checked against values worked out by hand below, for all agencies, for each agency, for an agency with
 * no consultations and for an empty period; with the access rules, the CSV read back and the page escaped.
 *
 * <p>The history, every step at 09:00 London time (period 2031-01-01 to 2031-12-31, report day 2031-09-01):
 * <pre>
 * C7 (A) opens 2030-12-15, notified 2030-11-10                   outside the period: never counted
 * C1 (A) opens 2031-02-03, closes 04-28, notified 2030-12-01    lead 64 days to 2 organisations; feedback 05-12 (14 days
 *                                                               after close, with a report link); action due 06-01
 *                                                               done 05-20; a concern raised 06-01, never answered
 * C3 (A) opens 2031-01-13, closes 04-07, notified 2030-12-08    lead 36 days x 2; feedback 05-05 (28 days); action
 *                                                               due 06-30 never done: 63 days overdue on 09-01
 * C2 (A) opens 2031-03-03, closes 04-13 (42 days, DURATION      lead 14 days x 2 (short); opened on 03-03 with a
 *        exemption), notified 2031-02-17                        NOTICE exemption; no feedback: due 07-06, 57 days
 *                                                               overdue; a concern raised 02-20, answered 02-25
 * C4 (B) opens 2031-05-05, closes 07-28, notified 2031-03-10    lead 56 days to 1 organisation; decision 08-10, too
 *                                                               soon (INFLUENCE exemption); links C1 as earlier
 *                                                               work; audiences "young people", "Carers"; closed,
 *                                                               feedback not yet due (10-20)
 * C6 (A) opens 2031-06-02, notified and withdrawn 2031-03-10    in the period, withdrawn: not counted
 * C5 (A) opens 2031-09-20, still PLANNED on 09-01               notice deadline passed (09-20 is before 10-01)
 * </pre>
 * Lead times of the 7 organisations reached: 14, 14, 36, 36, 56, 64, 64 (median 36, worst 14; 5 with a full month).
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceIT implements TestPropertyProvider {
    private static final Pattern REPLY_TOKEN = Pattern.compile("/o/reply\\?t=([A-Za-z0-9_.-]+)");
    private static final String PERIOD = "from=2031-01-01&to=2031-12-31";
    private static final String SHELTER = "<script>alert('x')</script> Winter shelter & hostel";
    private static final String DURATION_REASON = "The shelter must open before the cold weather: Cabinet set <b>3 March</b>.";
    private static final String NOTICE_REASON = "Six weeks' notice was agreed with the Homeless Forum on 10 February.";
    private static final String INFLUENCE_REASON = "The youth budget is set by full council on 10 August; statutory.";

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;
    long c1;
    long c2;
    long c3;
    long c4;
    long c5;
    long c6;
    long c7;
    long emptyAgency;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.jobs.enabled", "false");
    }

    @BeforeAll
    void buildAYear() throws Exception {
        world = World.create(client);
        emptyAgency = world.admin.post("/api/agencies", Map.of("name", "Empty Borough Council",
                "complianceContactEmail", "compact@empty.example")).id();

        world.moveTo(LocalDate.of(2030, 11, 10));
        c7 = notified(world.consultation(LocalDate.of(2030, 12, 15)));

        world.moveTo(LocalDate.of(2030, 12, 1));
        c1 = notified(world.consultation(LocalDate.of(2031, 2, 3)));
        world.moveTo(LocalDate.of(2030, 12, 8));
        c3 = notified(world.consultation(LocalDate.of(2031, 1, 13)));
        world.moveTo(LocalDate.of(2030, 12, 15));
        world.moveTo(LocalDate.of(2031, 1, 13));
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
        answerConcern(c2, "We agreed the shorter notice with the Homeless Forum; sorry it reached you late.");

        world.moveTo(LocalDate.of(2031, 3, 3));
        assertEquals("OPEN", status(c2));

        world.moveTo(LocalDate.of(2031, 3, 10));
        Map<String, Object> youth = world.consultation(LocalDate.of(2031, 5, 5));
        youth.put("title", "Youth club opening hours");
        youth.put("themes", List.of("youth services"));
        youth.put("targets", Map.of("areas", List.of("Kersal")));
        youth.put("audiences", List.of("young people", "Carers"));
        youth.put("decisionDate", "2031-08-10");
        youth.put("priorWork", Map.of("relatedIds", List.of(c1)));
        Api.Reply created = world.otherOfficer.post("/api/consultations", youth);
        assertEquals(201, created.status(), created::toString);
        c4 = created.id();
        Api.Reply exemption = world.otherOfficer.post("/api/consultations/" + c4 + "/exemptions",
                Map.of("ruleId", "INFLUENCE", "reason", INFLUENCE_REASON));
        assertEquals(201, exemption.status(), exemption::toString);
        Api.Reply notifiedYouth = world.otherOfficer.post("/api/consultations/" + c4 + "/notify");
        assertEquals(200, notifiedYouth.status(), notifiedYouth::toString);
        deliverMail();
        c6 = notified(world.consultation(LocalDate.of(2031, 6, 2)));
        Api.Reply withdrawn = world.officer.post("/api/consultations/" + c6 + "/withdraw",
                Map.of("reason", "The library is to be rebuilt instead."));
        assertEquals(200, withdrawn.status(), withdrawn::toString);

        world.moveTo(LocalDate.of(2031, 4, 8));
        world.moveTo(LocalDate.of(2031, 4, 14));
        world.moveTo(LocalDate.of(2031, 4, 29));
        assertEquals("CLOSED", status(c1));
        assertEquals("CLOSED", status(c2));
        assertEquals("CLOSED", status(c3));

        world.moveTo(LocalDate.of(2031, 5, 5));
        giveFeedback(c3, null, "2031-06-30");
        assertEquals("OPEN", status(c4));
        world.moveTo(LocalDate.of(2031, 5, 12));
        giveFeedback(c1, "https://salford.example/results/homes", "2031-06-01");
        world.moveTo(LocalDate.of(2031, 5, 20));
        long action = ((Number) world.officer.get("/api/consultations/" + c1 + "/actions").list().get(0).get("id")).longValue();
        assertEquals(200, world.officer.patch("/api/consultations/" + c1 + "/actions/" + action,
                Map.of("done", true)).status());
        world.moveTo(LocalDate.of(2031, 6, 1));
        raiseConcern(c1, "NO_FEEDBACK", "We have not seen the results yet.");

        world.moveTo(LocalDate.of(2031, 7, 29));
        assertEquals("CLOSED", status(c4));
        world.moveTo(LocalDate.of(2031, 8, 1));
        c5 = world.register(world.consultation(LocalDate.of(2031, 9, 20)));
        world.moveTo(LocalDate.of(2031, 9, 1));
    }

    @Test
    void everyFigureOfTheReportForAllAgenciesMatchesTheHistory() {
        Api.Reply reply = world.monitor.get("/api/compliance?" + PERIOD);
        assertEquals(200, reply.status(), reply::toString);
        assertThat(reply.contentType()).startsWith("application/json");
        Map<String, Object> r = reply.json();
        assertEquals("2031-01-01", Jsons.at(r, "period.from"));
        assertEquals("2031-12-31", Jsons.at(r, "period.to"));
        assertEquals("2031-09-01", r.get("asOf"));
        assertEquals("Europe/London", r.get("zone"));
        assertEquals(Map.of("noticePeriod", "P1M", "minimumDuration", "P12W", "analysisPeriod", "P4W",
                "feedbackDue", "P12W"), r.get("settings"));
        assertThat(r).doesNotContainKey("agency");
        assertThat(((Map<String, Object>) r.get("sections")).keySet()).containsExactly("SCOPE", "NOTICE", "PRIOR_WORK",
                "INFLUENCE", "DURATION", "METHODS", "INCLUSION", "OVERLOAD", "OPT_OUT", "FEEDBACK", "ACTION", "SHARE",
                "CLEAR_LANGUAGE", "MONITOR", "EXEMPTIONS");

        expect(r, "SCOPE", Map.of("consultations", 6, "planned", 1, "notified", 0, "open", 0, "closed", 2,
                "feedbackGiven", 2, "withdrawn", 1, "counted", 4));
        expect(r, "NOTICE", Map.ofEntries(Map.entry("organisationsNotified", 7), Map.entry("organisationsReached", 7),
                Map.entry("organisationsNotYetReached", 0), Map.entry("withFullNotice", 5),
                Map.entry("medianLeadDays", 36.0), Map.entry("worstLeadDays", 14), Map.entry("consultationsOpened", 4),
                Map.entry("openedWithoutFullNotice", 1), Map.entry("openedWithoutFullNoticeExempted", 1),
                Map.entry("plannedPastNoticeDeadline", 1)));
        assertThat(value(r, "NOTICE", "fullNoticeRate").doubleValue()).isCloseTo(5.0 / 7, within(1e-9));
        List<Map<String, Object>> bands = rows(r, "NOTICE", "leadTimeBands");
        assertThat(bands).extracting(b -> ((Number) b.get("organisations")).intValue()).containsExactly(0, 0, 2, 0, 3, 2);
        List<Map<String, Object>> openedShort = rows(r, "NOTICE", "openedWithoutFullNotice");
        assertThat(openedShort).hasSize(1);
        assertEquals(c2, ((Number) openedShort.get(0).get("consultationId")).longValue());
        assertEquals("2031-02-17", openedShort.get(0).get("notifiedOn"));
        assertEquals("2031-03-03", openedShort.get(0).get("openedOn"));
        // NOTICE counts from each organisation's receipt (issue 18): both organisations received C2's notice on the
        // day it was sent, so the seeded figures are as they were when the period counted from notifiedOn.
        assertEquals("2031-02-17", openedShort.get(0).get("lastReceivedOn"));
        assertEquals("2031-03-17", openedShort.get(0).get("fullNoticeFrom"));
        assertEquals(2, ((Number) openedShort.get(0).get("organisationsShort")).intValue());
        assertEquals("yes", openedShort.get(0).get("exempted"));
        assertThat((String) openedShort.get(0).get("exemptions")).startsWith(NOTICE_REASON + " (" + world.officerName
                + ", 2031-02-17)");

        expect(r, "PRIOR_WORK", Map.of("consultations", 4, "withRelated", 1, "withStatementOnly", 3, "met", 4,
                "rate", 1.0, "exempted", 0));
        expect(r, "INFLUENCE", Map.of("consultations", 4, "decisionAfterAnalysis", 3, "rate", 0.75,
                "opennessStated", 4, "exempted", 1));
        expect(r, "DURATION", Map.of("consultations", 4, "openAtLeastMinimum", 3, "rate", 0.75, "shorter", 1,
                "shorterExempted", 1, "exempted", 1));
        List<Map<String, Object>> shorter = rows(r, "DURATION", "shorter");
        assertThat(shorter).hasSize(1);
        assertEquals(42, ((Number) shorter.get(0).get("daysOpen")).intValue());
        assertEquals(SHELTER, shorter.get(0).get("title"));
        assertThat((String) shorter.get(0).get("exemptions")).contains(DURATION_REASON);
        expect(r, "METHODS", Map.of("consultations", 4, "withMethodAndAudience", 4, "rate", 1.0, "exempted", 0));

        Map<String, Object> inclusion = new HashMap<>(Map.of("consultations", 4, "namingAnyGroup", 4, "rate", 1.0,
                "groupsNamed", 4, "OLDER_PEOPLE", 3, "SENSORY_IMPAIRMENTS", 3, "YOUNG_PEOPLE", 1, "CARERS", 1));
        for (String group : RuleSettings.DEFAULT_EXCLUDED_GROUPS) {
            inclusion.putIfAbsent(group, 0);
        }
        expect(r, "INCLUSION", inclusion);
        assertThat(((Map<String, Object>) Jsons.at(r, "sections.INCLUSION.figures")).keySet())
                .as("the report names the setting's groups (by default the 16 of seed 000 and Gypsies and Travellers), "
                        + "in the setting's order")
                .containsSubsequence(RuleSettings.DEFAULT_EXCLUDED_GROUPS);

        expect(r, "OVERLOAD", Map.of("organisationsAsked", 3, "mostNotices", 3, "exempted", 0));
        List<Map<String, Object>> busiest = rows(r, "OVERLOAD", "mostConsulted");
        assertThat(busiest).extracting(b -> ((Number) b.get("organisationId")).longValue())
                .containsExactly(world.organisationIds.get(0), world.organisationIds.get(2), world.organisationIds.get(1));
        assertThat(busiest).extracting(b -> ((Number) b.get("consultations")).intValue()).containsExactly(3, 3, 1);
        assertThat(busiest).extracting(b -> ((Number) b.get("notices")).intValue()).containsExactly(3, 3, 1);

        expect(r, "OPT_OUT", Map.of("organisations", 3, "optedOutOfAll", 0, "optedOutOfSomeThemes", 0,
                "contactsUnsubscribed", 0));
        expect(r, "FEEDBACK", Map.of("closed", 4, "given", 2, "givenOnTime", 2, "givenLate", 0, "overdue", 1,
                "notYetDue", 1, "medianDaysAfterClose", 21.0, "exempted", 0));
        assertThat(value(r, "FEEDBACK", "onTimeRate").doubleValue()).isCloseTo(2.0 / 3, within(1e-9));
        List<Map<String, Object>> overdue = rows(r, "FEEDBACK", "overdue");
        assertThat(overdue).hasSize(1);
        assertEquals(c2, ((Number) overdue.get(0).get("consultationId")).longValue());
        assertEquals("2031-07-06", overdue.get(0).get("dueOn"));
        assertEquals(57, ((Number) overdue.get(0).get("daysOverdue")).intValue());
        assertEquals("no", overdue.get(0).get("exempted"));

        expect(r, "ACTION", Map.of("promised", 2, "done", 1, "doneOnTime", 1, "open", 1, "overdue", 1,
                "onTrackRate", 0.5, "exempted", 0));
        List<Map<String, Object>> lateActions = rows(r, "ACTION", "overdue");
        assertThat(lateActions).hasSize(1);
        assertEquals(c3, ((Number) lateActions.get(0).get("consultationId")).longValue());
        assertEquals("2031-06-30", lateActions.get(0).get("due"));
        assertEquals(63, ((Number) lateActions.get(0).get("daysOverdue")).intValue());

        expect(r, "SHARE", Map.of("feedbackGiven", 2, "withPublishedReport", 1, "rate", 0.5));
        expect(r, "CLEAR_LANGUAGE", Map.of("consultations", 4, "exempted", 0));
        expect(r, "MONITOR", Map.of("concernsRaised", 2, "open", 1, "answered", 1, "answeredRate", 0.5,
                "medianDaysToAnswer", 5.0, "oldestOpenDays", 92, "raisedNoNotice", 1, "raisedNoFeedback", 1));
        expect(r, "EXEMPTIONS", Map.of("exemptions", 3, "NOTICE", 1, "DURATION", 1, "INFLUENCE", 1, "FEEDBACK", 0));
        List<Map<String, Object>> exemptions = rows(r, "EXEMPTIONS", "exemptions");
        assertThat(exemptions).extracting(e -> e.get("ruleId")).containsExactly("DURATION", "NOTICE", "INFLUENCE");
        assertThat(exemptions).extracting(e -> e.get("reason"))
                .containsExactly(DURATION_REASON, NOTICE_REASON, INFLUENCE_REASON);
        assertEquals("sam" + world.officerName.replace("olivia", ""), exemptions.get(2).get("recordedBy"));
        assertThat((String) exemptions.get(0).get("recordedAt")).startsWith("2031-02-17T09:00");

        Map<String, Object> a = agencyRow(r, world.agencyId);
        assertEquals(3, ((Number) a.get("consultations")).intValue());
        assertRate(a, "NOTICE", 4, 6);
        assertRate(a, "DURATION", 2, 3);
        assertRate(a, "FEEDBACK", 2, 3);
        assertRate(a, "ACTION", 1, 2);
        assertRate(a, "MONITOR", 1, 2);
        Map<String, Object> b = agencyRow(r, world.otherAgencyId);
        assertRate(b, "NOTICE", 1, 1);
        assertRate(b, "INFLUENCE", 0, 1);
        assertRate(b, "FEEDBACK", 0, 0);
        assertNull(Jsons.at(b, "rates.FEEDBACK.rate"), "nothing to divide: no rate");
        Map<String, Object> empty = agencyRow(r, emptyAgency);
        assertEquals(0, ((Number) empty.get("consultations")).intValue());
        assertRate(empty, "NOTICE", 0, 0);
    }

    @Test
    void anOfficerSeesTheirOwnAgencyAndIsRefusedAnother() {
        Map<String, Object> own = world.officer.get("/api/compliance?" + PERIOD).json();
        assertEquals(world.agencyId, ((Number) Jsons.at(own, "agency.id")).longValue());
        expect(own, "SCOPE", Map.of("consultations", 5, "counted", 3, "withdrawn", 1, "planned", 1));
        expect(own, "NOTICE", Map.of("organisationsReached", 6, "withFullNotice", 4, "medianLeadDays", 36.0,
                "worstLeadDays", 14));
        expect(own, "OVERLOAD", Map.of("organisationsAsked", 2, "mostNotices", 3));
        assertThat((List<?>) own.get("byAgency")).hasSize(1);
        assertEquals(200, world.officer.get("/api/compliance?" + PERIOD + "&agency=" + world.agencyId).status());

        Api.Reply other = world.officer.get("/api/compliance?" + PERIOD + "&agency=" + world.otherAgencyId);
        assertEquals(403, other.status(), other::toString);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertEquals(403, world.officer.get("/api/compliance.csv?agency=" + world.otherAgencyId).status());
        assertEquals(403, world.officer.get("/compliance?agency=" + world.otherAgencyId).status());

        Map<String, Object> theirs = world.otherOfficer.get("/api/compliance?" + PERIOD).json();
        assertEquals(world.otherAgencyId, ((Number) Jsons.at(theirs, "agency.id")).longValue());
        expect(theirs, "SCOPE", Map.of("consultations", 1, "counted", 1));
        expect(theirs, "PRIOR_WORK", Map.of("withRelated", 1, "met", 1));
        expect(theirs, "FEEDBACK", Map.of("closed", 1, "notYetDue", 1, "overdue", 0));
        assertNull(value(theirs, "FEEDBACK", "onTimeRate"), "no feedback due yet: no rate");

        Api.Reply monitorOfB = world.monitor.get("/api/compliance?" + PERIOD + "&agency=" + world.otherAgencyId);
        assertEquals(200, monitorOfB.status());
        assertEquals(1, ((Number) value(monitorOfB.json(), "SCOPE", "counted")).intValue());
        assertEquals(200, world.admin.get("/api/compliance?" + PERIOD).status());
    }

    @Test
    void anEmptyPeriodAndAnAgencyWithoutConsultationsGiveZerosAndNoRates() {
        for (String query : List.of("from=2035-01-01&to=2035-12-31", PERIOD + "&agency=" + emptyAgency)) {
            Api.Reply reply = world.monitor.get("/api/compliance?" + query);
            assertEquals(200, reply.status(), reply::toString);
            Map<String, Object> r = reply.json();
            expect(r, "SCOPE", Map.of("consultations", 0, "counted", 0));
            expect(r, "NOTICE", Map.of("organisationsNotified", 0, "withFullNotice", 0, "openedWithoutFullNotice", 0));
            for (String[] absent : new String[][] {{"NOTICE", "fullNoticeRate"}, {"NOTICE", "medianLeadDays"},
                    {"NOTICE", "worstLeadDays"}, {"DURATION", "rate"}, {"FEEDBACK", "onTimeRate"},
                    {"FEEDBACK", "medianDaysAfterClose"}, {"ACTION", "onTrackRate"}, {"MONITOR", "medianDaysToAnswer"}}) {
                assertNull(value(r, absent[0], absent[1]), absent[0] + "." + absent[1] + " has nothing to divide");
                assertThat((Map<String, Object>) Jsons.at(r, "sections." + absent[0] + ".figures." + absent[1]))
                        .as("the figure is still listed, with its definition").containsKey("definition");
            }
            expect(r, "EXEMPTIONS", Map.of("exemptions", 0));
            assertThat(rows(r, "FEEDBACK", "overdue")).isEmpty();
            assertEquals(200, world.monitor.get("/api/compliance.csv?" + query).status());
            assertEquals(200, world.monitor.get("/compliance?" + query).status());
        }
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        assertInvalid("/api/compliance?from=2031-02-30&to=2031-12-31", "from");
        assertInvalid("/api/compliance?from=2031-01-01&to=next+year", "to");
        assertInvalid("/api/compliance?from=2031-06-01&to=2031-05-31", "to");
        assertInvalid("/api/compliance?from=2020-01-01&to=2030-01-01", "to");
        assertEquals(200, world.monitor.get("/api/compliance?from=2020-01-01&to=2029-12-31").status(),
                "ten years exactly");
        assertInvalid("/api/compliance?" + PERIOD + "&agency=abc", "agency");
        assertInvalid("/api/compliance?" + PERIOD + "&agency=987654", "agency");
        assertInvalid("/api/compliance.csv?from=2031-13-01", "from");
        assertInvalid("/compliance?from=2031-01-01&to=2030-01-01", "to");
        Api.Reply publicBad = Api.anonymous(client).get("/api/compliance/public?from=yesterday");
        assertEquals(422, publicBad.status());
        assertEquals("from", publicBad.at("errors[0].field"));
    }

    @Test
    void anonymousCallersGetOnlyThePublicRatesWithoutNamesOrReasons() {
        Api anonymous = Api.anonymous(client);
        assertEquals(401, anonymous.get("/api/compliance?" + PERIOD).status());
        assertEquals(401, anonymous.get("/api/compliance.csv?" + PERIOD).status());
        assertEquals(401, anonymous.get("/compliance?" + PERIOD).status());

        Api.Reply published = anonymous.get("/api/compliance/public?" + PERIOD);
        assertEquals(200, published.status(), published::toString);
        Map<String, Object> p = published.json();
        assertEquals("2031-09-01", p.get("asOf"));
        List<Map<String, Object>> agencies = (List<Map<String, Object>>) p.get("agencies");
        Map<String, Object> a = agencies.stream().filter(x -> ((Number) x.get("agencyId")).longValue() == world.agencyId)
                .findFirst().orElseThrow();
        assertRate(a, "NOTICE", 4, 6);
        assertRate(a, "DURATION", 2, 3);
        assertRate(a, "INFLUENCE", 3, 3);
        Map<String, Object> empty = agencies.stream()
                .filter(x -> ((Number) x.get("agencyId")).longValue() == emptyAgency).findFirst().orElseThrow();
        assertEquals("Empty Borough Council", empty.get("agencyName"));
        assertEquals(0, ((Number) empty.get("consultations")).intValue());
        assertNull(Jsons.at(empty, "rates.NOTICE.rate"));
        assertThat(((Map<String, Object>) p.get("definitions")).keySet()).contains("NOTICE", "FEEDBACK", "MONITOR");
        // The consultations awaiting late feedback, whatever the period, are listed by title (issue 20), as the public
        // programme lists them: C7 (closed 2031-03-09, due 06-01) and C2 (closed 04-13, due 07-06), longest late first.
        assertThat((List<Map<String, Object>>) p.get("awaitingFeedback"))
                .extracting(w -> ((Number) w.get("consultationId")).longValue()).containsExactly(c7, c2);
        assertThat(published.body()).doesNotContain(world.officerName, "Homeless Forum",
                "Cabinet set", "committee", "@example", "Ordsall Tenants");
        assertThat(p).doesNotContainKeys("sections", "byAgency");
    }

    @Test
    void theCsvHasOneRowPerFigureAndReadsBack() throws Exception {
        Api.Reply csv = world.monitor.get("/api/compliance.csv?" + PERIOD);
        assertEquals(200, csv.status(), csv::toString);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            assertThat(parser.getHeaderNames()).containsExactly("section", "figure", "value", "unit", "definition");
            records = parser.getRecords();
        }
        Map<String, String> values = new HashMap<>();
        for (CSVRecord record : records) {
            assertEquals(5, record.size(), record::toString);
            assertThat(record.get("definition")).isNotBlank();
            values.put(record.get("section") + "." + record.get("figure"), record.get("value"));
        }
        assertThat(Double.parseDouble(values.get("NOTICE.fullNoticeRate"))).isCloseTo(5.0 / 7, within(1e-9));
        assertEquals("36.0", values.get("NOTICE.medianLeadDays"));
        assertEquals("14", values.get("NOTICE.worstLeadDays"));
        assertEquals("1", values.get("FEEDBACK.overdue"));
        assertEquals("3", values.get("INCLUSION.OLDER_PEOPLE"));
        assertEquals("2031-01-01", values.get("PERIOD.from"));
        Map<String, Object> json = world.monitor.get("/api/compliance?" + PERIOD).json();
        long figures = ((Map<String, Map<String, Object>>) json.get("sections")).values().stream()
                .mapToLong(s -> ((Map<?, ?>) s.get("figures")).size()).sum();
        List<Map<String, Object>> byAgency = (List<Map<String, Object>>) json.get("byAgency");
        long rates = byAgency.stream().mapToLong(x -> ((Map<?, ?>) x.get("rates")).size()).sum();
        assertEquals(4 + figures + 3 + byAgency.size() + rates, records.size(),
                "period rows, every figure, 3 busiest organisations, per agency its joint consultations and rates");

        Api.Reply negotiated = world.monitor.send(HttpRequest.GET("/api/compliance?" + PERIOD).accept("text/csv"));
        assertEquals(200, negotiated.status(), negotiated::toString);
        assertThat(negotiated.contentType()).startsWith("text/csv");
        assertEquals(csv.body(), negotiated.body());

        Map<String, Object> empty = world.monitor.get("/api/compliance?from=2035-01-01&to=2035-12-31").json();
        assertThat(empty).isNotNull();
        String emptyCsv = world.monitor.get("/api/compliance.csv?from=2035-01-01&to=2035-12-31").body();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(emptyCsv))) {
            CSVRecord rate = parser.getRecords().stream().filter(x -> x.get("section").equals("NOTICE")
                    && x.get("figure").equals("fullNoticeRate")).findFirst().orElseThrow();
            assertEquals("", rate.get("value"), "no rate: an empty cell");
        }
    }

    @Test
    void thePageIsPrintableEscapedAndLockedDown() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/compliance?" + PERIOD)
                .bearerAuth(token("monty" + world.officerName.replace("olivia", ""))), String.class);
        assertEquals(200, page.code());
        assertThat(page.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertEquals("default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
                page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        String html = page.body();
        try {
            // kept for a person to look at (and print): target/compliance-report.html
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "compliance-report.html"), html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Winter shelter &amp; hostel")
                .doesNotContain("<script").doesNotContain(" style=").doesNotContain("<style")
                .doesNotContain("<b>3 March</b>").contains("&lt;b&gt;3 March&lt;/b&gt;");
        assertThat(html).contains("<svg", "Share of consultations that kept each rule", "Organisations by notice lead time",
                "Counted consultations naming each socially excluded group", "fill=\"#1d70b8\"", "Trends by quarter");
        assertThat(html).as("nothing is fetched but the service's one stylesheet: no script, image or frame")
                .doesNotContain(" src=", "<img", "<iframe");
        assertThat(html.split("<link", -1)).hasSize(2);
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"/assets/tracker.css\">", "<header class=\"site-header\">");
        assertThat(html).contains("71.4 %", "36 days", "Empty Borough Council");
        assertThat(html).as("words, not codes, where a person reads")
                .doesNotContain(">feedbackGiven<", ">counted<", ">pw_related<", ">SOCIALLY_EXCLUDED<", "no data");
    }

    @Test
    void everyFigureThatCountsConsultationsDrillsDownToExactlyThatMany() {
        for (String query : List.of(PERIOD, PERIOD + "&agency=" + world.agencyId, PERIOD + "&agency=" + world.otherAgencyId)) {
            Map<String, Object> r = world.monitor.get("/api/compliance?" + query).json();
            int same = 0;
            for (String key : DrillDown.figures(RuleSettings.DEFAULT_EXCLUDED_GROUPS)) {
                String section = key.substring(0, key.indexOf('.'));
                String figure = key.substring(key.indexOf('.') + 1);
                if (Jsons.at(r, "sections." + section + ".figures." + figure) == null) {
                    continue; // a concern kind that did not occur
                }
                Api.Reply d = world.monitor.get("/api/compliance/consultations?section=" + section + "&figure=" + figure
                        + "&" + query);
                assertEquals(200, d.status(), key + " " + d);
                List<Map<String, Object>> listed = (List<Map<String, Object>>) d.json().get("rows");
                assertEquals(((Number) d.at("total")).intValue(), listed.size(), key);
                if (Boolean.TRUE.equals(d.at("countsSame"))) {
                    same++;
                    assertEquals(value(r, section, figure).longValue(), ((Number) d.at("total")).longValue(), key + " " + query);
                }
            }
            assertThat(same).as("figures that count consultations").isGreaterThan(50);
        }
    }

    @Test
    void aRateDrillsDownToTheConsultationsItDividesByEachMarkedMetOrNot() {
        Map<Long, Object> duration = drilled("DURATION", "rate", PERIOD);
        assertEquals(Map.of(c1, true, c2, false, c3, true, c4, true), duration);
        assertEquals(Map.of(c1, true, c2, false, c3, true, c4, true), drilled("NOTICE", "fullNoticeRate", PERIOD));
        assertEquals(Map.of(c1, true, c3, true, c2, false), drilled("FEEDBACK", "onTimeRate", PERIOD));
        assertThat(drilled("FEEDBACK", "overdue", PERIOD)).containsOnlyKeys(c2);
        assertThat(drilled("ACTION", "overdue", PERIOD)).containsOnlyKeys(c3);
        assertEquals(Map.of(c1, false, c2, true), drilled("MONITOR", "answeredRate", PERIOD));
        assertThat(drilled("EXEMPTIONS", "INFLUENCE", PERIOD)).containsOnlyKeys(c4);
        assertThat(drilled("SCOPE", "withdrawn", PERIOD)).containsOnlyKeys(c6);
        assertThat(drilled("NOTICE", "plannedPastNoticeDeadline", PERIOD)).containsOnlyKeys(c5);
        assertThat(drilled("INCLUSION", "CARERS", PERIOD)).containsOnlyKeys(c4);
        assertThat(drilled("DURATION", "rate", PERIOD + "&agency=" + world.otherAgencyId)).containsOnlyKeys(c4);
        Api.Reply first = world.monitor.get("/api/compliance/consultations?section=DURATION&figure=rate&" + PERIOD);
        assertEquals(SHELTER, ((List<Map<String, Object>>) first.json().get("rows")).stream()
                .filter(x -> ((Number) x.get("consultationId")).longValue() == c2).findFirst().orElseThrow().get("title"));
    }

    @Test
    void theDrillDownKeepsTheReportsAccessRulesAndNamesABadField() {
        assertEquals(200, world.officer.get("/api/compliance/consultations?section=SCOPE&figure=counted&" + PERIOD).status());
        assertThat(drilledBy(world.officer, "SCOPE", "counted")).doesNotContainKey(c4);
        Api.Reply other = world.officer.get("/api/compliance/consultations?section=SCOPE&figure=counted&" + PERIOD
                + "&agency=" + world.otherAgencyId);
        assertEquals(403, other.status(), other::toString);
        assertInvalid("/api/compliance/consultations?section=NOTICE&figure=noSuchFigure&" + PERIOD, "figure");
        assertInvalid("/api/compliance/consultations?section=OPT_OUT&figure=organisations&" + PERIOD, "section");
        assertInvalid("/api/compliance/consultations?figure=counted&" + PERIOD, "section");
        assertInvalid("/api/compliance/consultations?section=SCOPE&figure=counted&from=2031-02-30", "from");
        assertEquals(401, Api.anonymous(client).get("/api/compliance/consultations?section=SCOPE&figure=counted").status());
    }

    @Test
    void thePageLinksEachFigureToTheConsultationsBehindItAndDescribesItsCharts() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/compliance?" + PERIOD)
                .bearerAuth(token("monty" + world.officerName.replace("olivia", ""))), String.class);
        String html = page.body();
        assertThat(html).contains("<a href=\"/compliance/consultations?section=NOTICE&amp;figure=fullNoticeRate&amp;"
                + "from=2031-01-01&amp;to=2031-12-31\">Share of organisations given a full month&#39;s notice</a></dt><dd>"
                + "<strong>71.4 %</strong>");
        assertThat(html).contains("<a href=\"/compliance/consultations?section=FEEDBACK&amp;figure=overdue&amp;"
                + "from=2031-01-01&amp;to=2031-12-31\">Feedback late, not yet given</a>");
        assertThat(html).as("each agency's rates link to its own consultations")
                .contains("&amp;agency=" + world.otherAgencyId + "\">");
        assertThat(html).contains("<desc id=\"chart-rates-desc\">A month&#39;s notice 71.4 %; Earlier work checked 100.0 %;")
                .contains("aria-describedby=\"chart-rates-desc\"");
        assertThat(html).as("opt-outs are about no consultation").contains("<dt>Opted out of all</dt>");
    }

    private Map<Long, Object> drilled(String section, String figure, String query) {
        Api.Reply d = world.monitor.get("/api/compliance/consultations?section=" + section + "&figure=" + figure + "&" + query);
        assertEquals(200, d.status(), d::toString);
        Map<Long, Object> out = new HashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) d.json().get("rows")) {
            out.put(((Number) row.get("consultationId")).longValue(), row.get("met") == null ? "" : row.get("met"));
        }
        return out;
    }

    private Map<Long, Object> drilledBy(Api api, String section, String figure) {
        Map<Long, Object> out = new HashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) api.get("/api/compliance/consultations?section="
                + section + "&figure=" + figure + "&" + PERIOD).json().get("rows")) {
            out.put(((Number) row.get("consultationId")).longValue(), row.get("met"));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void expect(Map<String, Object> report, String section, Map<String, ?> expected) {
        for (Map.Entry<String, ?> e : expected.entrySet()) {
            Number actual = value(report, section, e.getKey());
            Number wanted = (Number) e.getValue();
            if (wanted instanceof Double) {
                assertThat(actual).as(section + "." + e.getKey()).isNotNull();
                assertThat(actual.doubleValue()).as(section + "." + e.getKey()).isCloseTo(wanted.doubleValue(), within(1e-9));
            } else {
                assertThat(actual).as(section + "." + e.getKey()).isNotNull();
                assertEquals(wanted.longValue(), actual.longValue(), section + "." + e.getKey());
            }
        }
    }

    private static Number value(Map<String, Object> report, String section, String figure) {
        Map<String, Object> f = (Map<String, Object>) Jsons.at(report, "sections." + section + ".figures." + figure);
        assertThat(f).as(section + "." + figure + " is reported").isNotNull();
        return (Number) f.get("value");
    }

    private static List<Map<String, Object>> rows(Map<String, Object> report, String section, String list) {
        return (List<Map<String, Object>>) Jsons.at(report, "sections." + section + ".lists." + list + ".rows");
    }

    private static Map<String, Object> agencyRow(Map<String, Object> report, long agencyId) {
        return ((List<Map<String, Object>>) report.get("byAgency")).stream()
                .filter(x -> ((Number) x.get("agencyId")).longValue() == agencyId).findFirst().orElseThrow();
    }

    private static void assertRate(Map<String, Object> agency, String rule, long met, long of) {
        assertEquals(met, ((Number) Jsons.at(agency, "rates." + rule + ".met")).longValue(), rule + " met");
        assertEquals(of, ((Number) Jsons.at(agency, "rates." + rule + ".of")).longValue(), rule + " of");
        Object rate = Jsons.at(agency, "rates." + rule + ".rate");
        if (of == 0) {
            assertNull(rate, rule + " rate");
        } else {
            assertThat(((Number) rate).doubleValue()).as(rule + " rate").isCloseTo((double) met / of, within(1e-9));
        }
    }

    private void assertInvalid(String uri, String field) {
        Api.Reply reply = world.monitor.get(uri);
        assertEquals(422, reply.status(), reply::toString);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertEquals(field, reply.at("errors[0].field"), reply::toString);
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

    private void giveFeedback(long id, String reportUrl, String actionDue) {
        Map<String, Object> body = new HashMap<>();
        body.put("youSaid", "Most people want the homes near the tram stop.");
        body.put("weDid", "The homes will go near the tram stop.");
        body.put("outcome", "CHANGED");
        if (reportUrl != null) {
            body.put("reportUrl", reportUrl);
        }
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

    private void answerConcern(long consultationId, String answer) {
        long concernId = ((Number) world.officer.get("/api/consultations/" + consultationId + "/concerns").list()
                .get(0).get("id")).longValue();
        Api.Reply answered = world.officer.post("/api/consultations/" + consultationId + "/concerns/" + concernId
                + "/answer", Map.of("answer", answer));
        assertEquals(200, answered.status(), answered::toString);
    }

    private String token(String username) {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username,
                "password", "officer-password-" + world.officerName.replace("olivia", ""))),
                Argument.mapOf(String.class, Object.class));
        return (String) body.get("access_token");
    }

    private String status(long id) {
        return (String) world.officer.get("/api/consultations/" + id).at("status");
    }

    /** Runs the due work at the current instant again: the relay sends what was just queued, at the same minute. */
    private void deliverMail() {
        Api.Reply now = world.admin.get("/api/sim/clock");
        Api.Reply reply = world.admin.put("/api/sim/clock", Map.of("now", now.at("now")));
        assertEquals(200, reply.status(), reply::toString);
    }


    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
