package org.compact.tracker.programme;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The public programme over real HTTP, anonymous, after a known history walked with the sim clock: a consultation
 * that closed long ago, one with feedback given, one open, one withdrawn and one planned, across two agencies.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "tracker.jobs.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeIT {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    @Inject
    @Client("/")
    HttpClient client;

    World world;
    Timeline timeline;
    Api anonymous;
    long old;
    long housing;
    long buses;
    long pool;
    long parks;

    @BeforeAll
    void buildTheHistory() {
        world = World.create(client);
        timeline = new Timeline(world);
        anonymous = Api.anonymous(client);

        timeline.moveTo(LocalDate.of(2027, 1, 4));
        old = timeline.register(world.officer, LocalDate.of(2027, 2, 8), "Library opening hours",
                "How long should the Kersal library open?", List.of("libraries"), List.of("Kersal"));
        timeline.notify(world.officer, old);
        timeline.moveTo(LocalDate.of(2027, 2, 8));
        timeline.moveTo(LocalDate.of(2027, 5, 4));
        assertEquals("CLOSED", timeline.status(old));

        timeline.moveTo(LocalDate.of(2028, 1, 10));
        housing = timeline.register(world.officer, LocalDate.of(2028, 3, 1), "New homes in Ordsall",
                "We plan new homes on the old depot site.", List.of("housing"), List.of("Ordsall"));
        timeline.notify(world.officer, housing);
        buses = timeline.register(world.otherOfficer, LocalDate.of(2028, 6, 1), "Bus lanes on the A6",
                "Faster buses between Kersal and the city centre.", List.of("transport"), List.of("Kersal"));
        timeline.notify(world.otherOfficer, buses);
        pool = timeline.register(world.otherOfficer, LocalDate.of(2028, 9, 1), "Closing the Broughton pool",
                "The pool needs repairs the council cannot afford.", List.of("leisure"), List.of("Broughton"));
        timeline.notify(world.otherOfficer, pool);
        timeline.withdraw(world.otherOfficer, pool, "Funding was found to repair the pool.");
        parks = timeline.register(world.officer, LocalDate.of(2028, 12, 1), "Parks strategy",
                "What our parks should offer for the next ten years.", List.of("parks", "health"), List.of());

        timeline.moveTo(LocalDate.of(2028, 3, 1));
        timeline.moveTo(LocalDate.of(2028, 5, 25));
        timeline.moveTo(LocalDate.of(2028, 6, 1));
        timeline.feedback(world.officer, housing, "Most of you want the homes near the tram stop.",
                "The homes will go near the tram stop.", "CHANGED", null, Map.of("ONLINE_SURVEY", 180),
                List.of(Timeline.action("Publish the new site plan", world.officerName, LocalDate.of(2028, 7, 1))));
        timeline.moveTo(LocalDate.of(2028, 8, 1));
        assertEquals("FEEDBACK_GIVEN", timeline.status(housing));
        assertEquals("OPEN", timeline.status(buses));
    }

    @Test
    void listsEveryPlannedNotifiedOpenAndRecentlyClosedConsultationOfEveryAgencyWithKeyDates() {
        Api.Reply reply = anonymous.get("/api/programme");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("2028-08-01", reply.at("asOf"));
        assertThat(ids(reply)).containsExactly(housing, buses, pool, parks);

        Map<String, Object> h = entry(reply, housing);
        assertEquals("FEEDBACK_GIVEN", h.get("status"));
        assertEquals(world.agencyId, ((Number) h.get("agencyId")).longValue());
        assertEquals(List.of("housing"), h.get("themes"));
        assertEquals(List.of("Ordsall"), h.get("areas"));
        assertEquals("2028-02-01", h.get("noticeDeadline"), "a calendar month before it opens");
        assertEquals("2028-01-10", h.get("notifiedOn"));
        assertEquals("2028-01-10", h.get("noticeReceivedOn"), "the day the last organisation received the notice");
        assertEquals(Boolean.FALSE, h.get("noticeBeingDelivered"));
        assertNull(entry(reply, parks).get("noticeReceivedOn"), "a planned consultation gave no notice");
        assertEquals("2028-03-01", h.get("opensOn"));
        assertEquals("2028-05-24", h.get("closesOn"));
        assertEquals("2028-08-16", h.get("feedbackDue"), "twelve weeks after the close date");
        assertEquals("2028-09-01", h.get("decisionDate"));
        assertEquals("CHANGED", at(h, "result", "outcome"));
        assertEquals("http://localhost:8080/results/" + housing, at(h, "result", "url"));

        Map<String, Object> p = entry(reply, pool);
        assertEquals("WITHDRAWN", p.get("status"));
        assertEquals("Funding was found to repair the pool.", p.get("withdrawalReason"));
        assertEquals("2028-01-10", p.get("withdrawnOn"));
        assertNull(p.get("feedbackDue"), "a withdrawn consultation owes no feedback");
        assertEquals("PLANNED", entry(reply, parks).get("status"));
    }

    @Test
    void aYearShowsEveryConsultationOpenAtSomeTimeInItEvenLongClosedOnes() {
        assertThat(ids(anonymous.get("/api/programme?year=2027"))).containsExactly(old);
        assertThat(ids(anonymous.get("/api/programme?year=2028"))).containsExactly(housing, buses, pool, parks);
        assertThat(ids(anonymous.get("/api/programme?year=2029"))).containsExactly(parks);
    }

    @Test
    void filtersByAgencyAreaThemeAndStatus() {
        assertThat(ids(anonymous.get("/api/programme?agency=" + world.agencyId))).containsExactly(housing, parks);
        assertThat(ids(anonymous.get("/api/programme?agency=" + world.otherAgencyId))).containsExactly(buses, pool);
        assertThat(ids(anonymous.get("/api/programme?area=kersal"))).as("city-wide is in every area").containsExactly(buses, parks);
        assertThat(ids(anonymous.get("/api/programme?theme=HOUSING"))).containsExactly(housing);
        assertThat(ids(anonymous.get("/api/programme?status=open"))).containsExactly(buses);
        assertThat(ids(anonymous.get("/api/programme?status=PLANNED,WITHDRAWN"))).containsExactly(pool, parks);
        assertThat(ids(anonymous.get("/api/programme?agency=" + world.otherAgencyId + "&area=Kersal&status=OPEN")))
                .containsExactly(buses);
        assertThat(ids(anonymous.get("/api/programme?year=2027&area=Ordsall"))).isEmpty();
    }

    @Test
    void refusesBadFiltersNamingEachOne() {
        Api.Reply bad = anonymous.get("/api/programme?status=SHUT&year=soon");
        assertEquals(422, bad.status(), bad::toString);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertEquals("status", bad.at("errors[0].field"));
        assertEquals("year", bad.at("errors[1].field"));
        assertEquals(422, anonymous.get("/api/programme?agency=999999").status());
        assertEquals(422, anonymous.get("/programme.ics?agency=x").status());

        Api.Reply page = anonymous.get("/programme?status=SHUT");
        assertEquals(422, page.status());
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("status: &#39;SHUT&#39; is not a status");
    }

    @Test
    void theCalendarParsesBackValidatesAndHasOneAllDayEventPerConsultationWithAStableUid() throws Exception {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/programme.ics"), byte[].class);
        assertEquals(200, response.code());
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(response.body()));

        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertEquals("PUBLISH", calendar.getProperty("METHOD").orElseThrow().getValue());
        assertEquals("Consultation programme", calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue());
        // the consultation periods (each consultation's meetings are timed events of their own)
        List<VEvent> events = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> !e.getProperty("UID").orElseThrow().getValue().contains("-event-")).toList();
        assertThat(events).extracting(e -> e.getProperty("UID").orElseThrow().getValue()).containsExactly(
                "programme-consultation-" + housing + "@localhost", "programme-consultation-" + buses + "@localhost",
                "programme-consultation-" + pool + "@localhost", "programme-consultation-" + parks + "@localhost");
        VEvent homes = events.get(0);
        assertEquals(LocalDate.of(2028, 3, 1), homes.getDateTimeStart().getDate());
        assertEquals(LocalDate.of(2028, 5, 25), homes.getDateTimeEnd().getDate(), "the day after the last day");
        assertEquals("New homes in Ordsall", homes.getSummary().getValue());
        assertEquals("http://localhost:8080/results/" + housing, homes.getProperty("URL").orElseThrow().getValue());
        assertThat(homes.getDescription().getValue()).contains("We plan new homes", "Notice to organisations due by: 1 February 2028",
                "Feedback due by: 16 August 2028", "Decision: 1 September 2028");
        assertEquals("http://localhost:8080/programme#c" + buses, events.get(1).getProperty("URL").orElseThrow().getValue());
        assertEquals("CANCELLED", events.get(2).getProperty("STATUS").orElseThrow().getValue());
        assertThat(events.get(2).getDescription().getValue()).contains("Funding was found to repair the pool.");

        Calendar kersal = new CalendarBuilder().build(new ByteArrayInputStream(
                client.toBlocking().retrieve(HttpRequest.GET("/programme.ics?area=Kersal"), byte[].class)));
        assertThat(kersal.<VEvent>getComponents("VEVENT")).extracting(e -> e.getProperty("UID").orElseThrow().getValue())
                .filteredOn(uid -> !uid.contains("-event-")).containsExactly("programme-consultation-" + buses + "@localhost", "programme-consultation-" + parks + "@localhost");
    }

    @Test
    void theAtomFeedHasTheElementsRfc4287RequiresAndAnEntryForPublishedFeedback() throws Exception {
        Api.Reply reply = anonymous.get("/programme.atom");
        assertEquals(200, reply.status());
        assertThat(reply.contentType()).startsWith("application/atom+xml");
        Element feed = parse(reply.body());

        assertEquals("http://www.w3.org/2005/Atom", feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("http://localhost:8080/programme.atom", child(feed, "id").getTextContent());
        assertThat(child(feed, "title").getTextContent()).isNotBlank();
        Instant.parse(child(feed, "updated").getTextContent());
        assertThat(child(child(feed, "author"), "name").getTextContent()).isNotBlank();
        Element self = children(feed, "link").stream().filter(l -> "self".equals(l.getAttribute("rel"))).findFirst().orElseThrow();
        assertEquals("http://localhost:8080/programme.atom", self.getAttribute("href"));

        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(5);
        Set<String> entryIds = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (Element e : entries) {
            assertThat(child(e, "id").getTextContent()).startsWith("tag:localhost,");
            entryIds.add(child(e, "id").getTextContent());
            titles.add(child(e, "title").getTextContent());
            Instant.parse(child(e, "updated").getTextContent());
            assertThat(child(child(e, "author"), "name").getTextContent()).isNotBlank();
            assertThat(child(e, "link").getAttribute("href")).startsWith("http://localhost:8080/");
            assertThat(child(e, "summary").getTextContent()).isNotBlank();
        }
        assertThat(entryIds).hasSize(5);
        assertThat(titles).contains("Feedback: New homes in Ordsall", "Withdrawn: Closing the Broughton pool",
                "Open: Bus lanes on the A6", "Planned: Parks strategy", "Feedback given: New homes in Ordsall");
    }

    @Test
    void aChangedConsultationComesFirstInTheFeedWithItsNewTime() throws Exception {
        Api.Reply changed = world.officer.patch("/api/consultations/" + parks, Map.of("summary",
                "What our parks and green spaces should offer for the next ten years."));
        assertEquals(200, changed.status(), changed::toString);

        Element first = children(parse(anonymous.get("/programme.atom").body()), "entry").get(0);
        assertEquals("Planned: Parks strategy", child(first, "title").getTextContent());
        assertEquals(LocalDate.of(2028, 8, 1).atTime(9, 0).atZone(org.compact.tracker.support.World.LONDON).toInstant(),
                Instant.parse(child(first, "updated").getTextContent()));
    }

    @Test
    void theCsvParsesBackWithAHeaderAndOneRowPerConsultation() throws Exception {
        Api.Reply reply = anonymous.get("/programme.csv?agency=" + world.otherAgencyId);
        assertEquals(200, reply.status());
        assertThat(reply.contentType()).startsWith("text/csv");
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(reply.body()))) {
            assertThat(csv.getHeaderNames()).contains("id", "title", "agency", "status", "themes", "areas",
                    "notice_deadline", "notified_on", "opens_on", "closes_on", "feedback_due", "decision_date");
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).extracting(r -> Long.parseLong(r.get("id"))).containsExactly(buses, pool);
            CSVRecord bus = rows.get(0);
            assertEquals("Bus lanes on the A6", bus.get("title"));
            assertThat(bus.get("agency")).startsWith("Southampton City Council");
            assertEquals("OPEN", bus.get("status"));
            assertEquals("Kersal", bus.get("areas"));
            assertEquals("2028-06-01", bus.get("opens_on"));
            assertEquals("2028-08-24", bus.get("closes_on"));
            assertEquals("2028-11-16", bus.get("feedback_due"));
            assertEquals("2028-01-10", bus.get("notice_received_on"), "the day the last organisation received it");
            assertEquals("notice_received_on", csv.getHeaderNames().get(csv.getHeaderNames().size() - 1));
            assertEquals("Funding was found to repair the pool.", rows.get(1).get("withdrawal_reason"));
        }
    }

    @Test
    void thePageIsAccessibleHtmlUnderAStrictContentSecurityPolicyWithSubscribeLinks() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/programme?theme=housing"), String.class);
        assertEquals(200, response.code());
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                response.getHeaders().get("Content-Security-Policy"));
        String html = response.body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en-GB\">", "<h1>Consultation programme</h1>",
                "<caption id=\"programme-caption\">1 consultation on housing</caption>", "<th scope=\"col\">Opens</th>",
                "<tr id=\"c" + housing + "\"><th scope=\"row\">New homes in Ordsall</th>",
                "<label class=\"label\" for=\"f-agency\">", "<label class=\"label\" for=\"f-area\">", "<label class=\"label\" for=\"f-theme\">", "<label class=\"label\" for=\"f-status\">",
                "<label class=\"label\" for=\"f-year\">", "href=\"http://localhost:8080/programme.ics?theme=housing\"",
                "href=\"http://localhost:8080/programme.atom?theme=housing\"", "href=\"/results/" + housing + "\"",
                "<option value=\"housing\" selected>");
        assertThat(html).as("the service's one layout: its stylesheet, header, main and footer")
                .contains("<link rel=\"stylesheet\" href=\"/assets/tracker.css\">", "<header class=\"site-header\">",
                        "<a class=\"site-header__name\" href=\"/programme\">Consultation tracker</a>",
                        "<main id=\"main\" class=\"main\">", "<footer class=\"site-footer\">");
        assertThat(html).doesNotContain("<script", " style=", "onclick");
    }

    @Test
    void noFormOfTheProgrammeCarriesAMailAddressOrAUsername() {
        List<String> forms = List.of("/programme", "/api/programme", "/programme.atom", "/programme.csv",
                "/api/programme?year=2027", "/results/" + housing);
        List<String> bodies = new ArrayList<>();
        for (String uri : forms) {
            Api.Reply reply = anonymous.get(uri);
            assertEquals(200, reply.status(), uri);
            bodies.add(reply.body());
        }
        // The calendar's UIDs have the form name@host by convention: they are identifiers, not addresses.
        bodies.add(anonymous.get("/programme.ics").body().replace("\r\n ", "").lines().filter(l -> !l.startsWith("UID:")).reduce("", String::concat));
        for (String body : bodies) {
            // the one address published is where the consultation asks for responses (howToRespond.email)
            String withoutTheResponseAddress = body.replace("ordsall.homes@salford.example", "");
            assertThat(EMAIL.matcher(withoutTheResponseAddress).find()).as(body).isFalse();
            assertThat(body).doesNotContain(world.officerName, "sam" + world.officerName.replace("olivia", ""),
                    "monty" + world.officerName.replace("olivia", ""), "compact" + world.officerName.replace("olivia", ""));
        }
    }

    @Test
    void thePublicFormsAnswerAnonymousCallers() {
        for (String uri : List.of("/programme", "/api/programme", "/programme.ics", "/programme.atom", "/programme.csv")) {
            assertEquals(200, anonymous.get(uri).status(), uri);
        }
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) reply.at("consultations");
        return list.stream().map(m -> ((Number) m.get("id")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Api.Reply reply, long id) {
        return ((List<Map<String, Object>>) reply.at("consultations")).stream()
                .filter(m -> ((Number) m.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... path) {
        Object at = map;
        for (String p : path) {
            at = ((Map<String, Object>) at).get(p);
        }
        return at;
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && "http://www.w3.org/2005/Atom".equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).isNotEmpty();
        return found.get(0);
    }
}
