package org.compact.tracker.notice;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailChecks;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 19, item 0: a notice says where and how to respond (the survey as a link, each meeting with its day, time,
 * venue and help, the calendar named), comes from the agency by name with Reply-To the lead officer named by name,
 * under a short subject with dates in words; its calendar is one calendar programs read (timed meetings with their
 * time zone, lines of at most 75 octets, a withdrawal that cancels). Every part is read through the tests' own
 * parsers ({@link MailChecks}); mail goes over real SMTP (GreenMail).
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HowToTakePartIT implements TestPropertyProvider {
    private static final String SURVEY = "https://www.salford.example/have-your-say/ordsall-homes";

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "no-reply@salford.example",
                "tracker.public-url", "https://consult.salford.example");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        world.moveForwardTo(LocalDate.of(2027, 1, 4));
        Map<String, Object> officer = world.admin.get("/api/users").list().stream()
                .filter(u -> world.officerName.equals(u.get("username"))).findFirst().orElseThrow();
        Api.Reply named = world.admin.patch("/api/users/" + ((Number) officer.get("id")).longValue(),
                Map.of("displayName", "Olivia Bennett"));
        assertEquals(200, named.status(), named::toString);
        assertEquals("Olivia Bennett", named.at("displayName"));
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void notifyIsRefusedNamingHowToRespondWhenTheNoticeWouldNotSayWhereToRespondAndNothingIsSent() throws Exception {
        Map<String, Object> body = new HashMap<>(world.consultation(world.today().plusMonths(2)));
        body.remove("howToRespond");
        long id = world.register(body);

        Api.Reply refused = world.officer.post("/api/consultations/" + id + "/notify");

        assertEquals(422, refused.status(), refused::toString);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.at("errors");
        assertThat(errors).anySatisfy(e -> {
            assertEquals("howToRespond", e.get("field"));
            assertEquals("NOTICE", e.get("ruleId"));
            assertThat((String) e.get("reason")).contains("howToRespond.url", "howToRespond.email",
                    "howToRespond.postalAddress");
        });
        assertEquals("PLANNED", world.officer.get("/api/consultations/" + id).at("status"));
        deliverMail();
        assertThat(smtp.getReceivedMessages()).as("no notice went").isEmpty();

        Api.Reply given = world.officer.patch("/api/consultations/" + id,
                Map.of("howToRespond", Map.of("postalAddress", "Freepost Consultations\nSalford M27 5AW")));
        assertEquals(200, given.status(), given::toString);
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/notify").status());
        Api.Reply cleared = world.officer.patch("/api/consultations/" + id, Map.of("howToRespond", Map.of()));
        assertEquals(422, cleared.status(), "once notified, a way to respond cannot be taken away: " + cleared);
        assertThat(cleared.body()).contains("howToRespond", "NOTICE");
    }

    @Test
    void aNoticeSaysWhereToRespondShowsEachMeetingInWordsAndNamesItsCalendar() throws Exception {
        LocalDate opensOn = LocalDate.of(2027, 4, 5);
        Map<String, Object> body = new HashMap<>(world.consultation(opensOn));
        body.put("title", "Nowe mieszkania na Ordsall: gdzie powinny stanąć i czego potrzebuje okolica — زیادہ گھر");
        body.put("themes", List.of("housing", "parks, play areas"));
        body.put("howToRespond", Map.of("url", SURVEY, "email", "ordsall.homes@salford.example",
                "postalAddress", "Freepost Consultations\nSalford Civic Centre\nSwinton M27 5AW"));
        body.put("events", List.of(Map.of("title", "Public meeting", "startsAt", "2027-04-14T18:30:00",
                "endsAt", "2027-04-14T20:00:00", "venue", "Ordsall Library, Ordsall Lane",
                "details", "Tea from 18:00.", "provisions", List.of("HEARING_LOOP", "BSL_INTERPRETER"))));
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());
        deliverMail();

        MimeMessage notice = first("Consultation notice");
        MailChecks.HtmlPart html = MailChecks.everyPart(notice);
        String text = MailParts.part(notice, "text/plain");
        assertThat(text).contains("Respond online: " + SURVEY, "Respond by email: ordsall.homes@salford.example",
                "Respond by post: Freepost Consultations, Salford Civic Centre, Swinton M27 5AW",
                "Public meeting, Wednesday 14 April 2027, 6:30pm to 8pm, at Ordsall Library, Ordsall Lane.",
                "Hearing loop, British Sign Language interpreter",
                "Add these dates to your calendar: open the attached file consultation-" + id + ".ics",
                "closes at the end of Monday 28 June 2027", "Ask Olivia Bennett")
                .doesNotContain("travel costs", "Ask " + world.officerName + " ");
        assertThat(html.links()).contains(SURVEY, "mailto:ordsall.homes@salford.example");
        assertThat(html.text()).contains("Public meeting, Wednesday 14 April 2027, 6:30pm to 8pm");
        assertThat(notice.getSubject()).startsWith("Consultation notice: Nowe mieszkania").endsWith(", opens 5 April 2027");

        InternetAddress from = (InternetAddress) notice.getFrom()[0];
        assertThat(from.getPersonal()).startsWith("Salford City Council");
        assertEquals("no-reply@salford.example", from.getAddress());
        InternetAddress replyTo = (InternetAddress) notice.getReplyTo()[0];
        assertEquals(world.officerName + "@example.org", replyTo.getAddress());
        assertEquals("Olivia Bennett", replyTo.getPersonal());

        byte[] ics = MailParts.attachment(notice, "text/calendar");
        Calendar calendar = MailChecks.calendar(ics);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(new String(ics, StandardCharsets.UTF_8)).contains("BEGIN:VTIMEZONE", "TZID:Europe/London",
                "DTSTART;TZID=Europe/London:20270414T183000", "DTEND;TZID=Europe/London:20270414T200000");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(4).allSatisfy(e -> {
            assertThat(e.getProperty("URL").orElseThrow().getValue())
                    .isEqualTo("https://consult.salford.example/programme#c" + id);
            assertThat(e.getProperty("UID").orElseThrow().getValue()).endsWith("@consult.salford.example");
        });
        VEvent meeting = events.stream().filter(e -> e.getSummary().getValue().startsWith("Public meeting"))
                .findFirst().orElseThrow();
        assertEquals("Ordsall Library, Ordsall Lane", meeting.getLocation().getValue());
        assertEquals(java.time.Instant.parse("2027-04-14T17:30:00Z"),
                java.time.Instant.from(meeting.getDateTimeStart().getDate()), "18:30 British Summer Time");

        // The public page the events lead to opens without signing in.
        assertEquals(200, Api.anonymous(client).get("/programme").status());
    }

    @Test
    void aChangeOfMeetingsIsMailedWithTheNewTimeInWordsAndAWithdrawalCancelsTheEvents() throws Exception {
        LocalDate opensOn = LocalDate.of(2027, 5, 3);
        long id = world.register(world.consultation(opensOn));
        assertEquals(200, world.notify(id).status());
        deliverMail();
        smtp.purgeEmailFromAllMailboxes();

        Api.Reply moved = world.officer.patch("/api/consultations/" + id, Map.of("events", List.of(Map.of(
                "title", "Drop-in", "startsAt", "2027-05-20T10:00:00", "endsAt", "2027-05-20T12:00:00",
                "venue", "Ordsall Hub", "provisions", List.of("EXPENSES")))));
        assertEquals(200, moved.status(), moved::toString);
        deliverMail();
        MimeMessage change = first("Change to a consultation");
        MailChecks.everyPart(change);
        assertThat(MailParts.part(change, "text/plain")).contains("The meetings have changed",
                "Drop-in, Thursday 20 May 2027, 10am to midday, at Ordsall Hub.",
                "Help offered: Travel and out-of-pocket expenses paid.", "Add these dates to your calendar");

        smtp.purgeEmailFromAllMailboxes();
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/withdraw",
                Map.of("reason", "The site has been sold.")).status());
        deliverMail();
        MimeMessage withdrawal = first("Withdrawn");
        MailChecks.everyPart(withdrawal);
        String ics = new String(MailParts.attachment(withdrawal, "text/calendar"), StandardCharsets.UTF_8);
        assertThat(ics).contains("\r\nMETHOD:CANCEL\r\n", "STATUS:CANCELLED");
        assertThat(MailParts.part(withdrawal, "text/plain")).contains("consultation-" + id + ".ics",
                "take this consultation's dates out of your calendar");
    }

    @Test
    void theProgrammeCalendarShowsMeetingsFoldsAtOctetsEscapesCommasAndCarriesASequence() throws Exception {
        Map<String, Object> body = new HashMap<>(world.consultation(LocalDate.of(2027, 6, 7)));
        body.put("title", "Ogrody i place zabaw w Ordsall — konsultacje społeczne dotyczące zieleni miejskiej");
        body.put("themes", List.of("parks, play areas"));
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());

        Api.Reply feed = Api.anonymous(client).get("/programme.ics");
        assertEquals(200, feed.status());
        byte[] ics = feed.body().getBytes(StandardCharsets.UTF_8);
        Calendar calendar = MailChecks.calendar(ics);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> mine = new ArrayList<>();
        for (VEvent e : calendar.<VEvent>getComponents("VEVENT")) {
            if (e.getProperty("UID").orElseThrow().getValue().startsWith("programme-consultation-" + id)) {
                mine.add(e);
            }
        }
        assertThat(mine).hasSize(2).allSatisfy(e -> assertThat(e.getProperty("SEQUENCE")).isPresent());
        String unfolded = feed.body().replace("\r\n ", "");
        assertThat(unfolded).contains("CATEGORIES:parks\\, play areas", "LOCATION:Ordsall Library\\, Ordsall Lane",
                "DTSTART;TZID=Europe/London:20270616T183000", "Respond online: " + SURVEY);

        Map<String, Object> entry = ((List<Map<String, Object>>) Api.anonymous(client).get("/api/programme")
                .at("consultations")).stream().filter(c -> ((Number) c.get("id")).longValue() == id).findFirst()
                .orElseThrow();
        assertEquals(SURVEY, ((Map<String, Object>) entry.get("howToRespond")).get("url"));
        assertEquals("2027-06-16T18:30:00", ((List<Map<String, Object>>) entry.get("events")).get(0).get("startsAt"));
    }

    private void deliverMail() {
        world.moveForwardTo(world.today().atStartOfDay().plusHours(9).plusMinutes(1).toLocalDate());
    }

    private MimeMessage first(String subjectStart) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith(subjectStart)) {
                return m;
            }
        }
        throw new AssertionError("no mail whose subject starts " + subjectStart);
    }
}
