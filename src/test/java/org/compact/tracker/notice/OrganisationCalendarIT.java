package org.compact.tracker.notice;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An organisation's own calendar (issue 19, item 3): the link in every mail to it opens a feed, parsed here by
 * ical4j, of the consultations it was sent notice of; it follows a change of dates with the same UIDs as the mail's
 * own calendar, drops a withdrawn consultation, and answers 304 to a calendar program whose copy is current.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationCalendarIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example",
                "tracker.calendar.uid-domain", "salford.example"); // the UIDs of this deployment
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        world.moveForwardTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theFeedInTheNoticeShowsTheOrganisationsConsultationsAndFollowsAChangeOfDatesWithTheMailsUids() throws Exception {
        long tenants = organisation("Pendleton Tenants", "tenants@pendleton.example", "Pendleton");
        LocalDate opensOn = world.today().plusMonths(2);
        Map<String, Object> body = world.consultation(opensOn);
        String title = "Pendleton play areas: where should the swings go? Plac zabaw: gdzie mają stać huśtawki i zjeżdżalnie?";
        body.put("title", title);
        body.put("targets", Map.of("areas", List.of("Pendleton")));
        long kept = world.register(body);
        body.put("title", "Pendleton bins");
        long withdrawn = world.register(body);
        assertEquals(200, world.notify(kept).status());
        assertEquals(200, world.notify(withdrawn).status());
        LocalDate receivedOn = world.today();

        MimeMessage notice = only(received("Consultation notice: Pendleton play", "tenants@pendleton.example"));
        String feed = linkIn(MailParts.part(notice, "text/plain"));
        assertThat(MailParts.part(notice, "text/html")).contains("href=\"" + feed.replace("&", "&amp;") + "\"");
        Map<String, VEvent> mailEvents = byUid(calendarOf(MailParts.attachment(notice, "text/calendar")));

        Fetched first = fetch(feed, null);
        assertEquals(200, first.status());
        assertThat(first.contentType()).startsWith("text/calendar");
        assertThat(first.etag()).isNotBlank();
        assertThat(first.lastModified()).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("no-cache");
        for (String line : new String(first.body(), StandardCharsets.UTF_8).split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Calendar calendar = calendarOf(first.body());
        Map<String, VEvent> events = byUid(calendar);
        String period = "consultation-" + kept + "-period@salford.example";
        assertThat(events.keySet()).containsExactlyInAnyOrder(
                "consultation-" + kept + "-notice-received@salford.example", period,
                "consultation-" + kept + "-feedback-due@salford.example",
                "consultation-" + kept + "-decision@salford.example",
                "consultation-" + withdrawn + "-notice-received@salford.example",
                "consultation-" + withdrawn + "-period@salford.example",
                "consultation-" + withdrawn + "-feedback-due@salford.example",
                "consultation-" + withdrawn + "-decision@salford.example");
        assertThat(mailEvents).containsKey(period);
        assertThat(mailEvents.keySet()).contains("consultation-" + kept + "-decision@salford.example");
        assertEquals(receivedOn, start(events.get("consultation-" + kept + "-notice-received@salford.example")));
        assertEquals(opensOn, start(events.get(period)));
        assertEquals(opensOn.plusWeeks(12).plusDays(1), end(events.get(period)));
        assertEquals(opensOn.plusWeeks(24), start(events.get("consultation-" + kept + "-feedback-due@salford.example")),
                "feedback is due twelve weeks after the close");
        assertThat(summary(events.get(period))).isEqualTo("Consultation open: " + title);
        assertThat(events.get(period).getProperty("URL").orElseThrow().getValue()).doesNotContain("/api/");

        assertEquals(304, fetch(feed, Map.of("If-None-Match", first.etag())).status(), "a current copy is not sent again");
        assertEquals(304, fetch(feed, Map.of("If-Modified-Since", first.lastModified())).status());

        LocalDate closesOn = opensOn.plusWeeks(14);
        assertEquals(200, world.officer.patch("/api/consultations/" + kept, Map.of("closesOn", closesOn.toString())).status());
        assertEquals(200, world.officer.post("/api/consultations/" + withdrawn + "/withdraw",
                Map.of("reason", "The bins contract was extended for a year.")).status());

        Fetched changed = fetch(feed, Map.of("If-None-Match", first.etag()));
        assertEquals(200, changed.status(), "the dates changed, so the calendar program gets the new feed");
        assertThat(changed.etag()).isNotEqualTo(first.etag());
        Map<String, VEvent> after = byUid(calendarOf(changed.body()));
        assertThat(after.keySet()).as("a withdrawn consultation leaves the feed")
                .allMatch(uid -> uid.startsWith("consultation-" + kept + "-")).hasSize(4);
        assertEquals(closesOn.plusDays(1), end(after.get(period)));
        assertThat(sequence(after.get(period))).isGreaterThan(sequence(events.get(period)));
        assertEquals(closesOn.plusWeeks(12), start(after.get("consultation-" + kept + "-feedback-due@salford.example")));
        assertThat(tenants).isPositive();
    }

    @Test
    void aForgedOrForeignTokenIsAProblemNotAFeed() throws Exception {
        Fetched forged = fetch("/o/calendar.ics?t=bm90LmEudG9rZW4.AAAA", null);
        assertEquals(404, forged.status());
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(new String(forged.body(), StandardCharsets.UTF_8)).contains("calendar link");
        assertEquals(404, fetch("/o/calendar.ics", null).status(), "no token at all");

        organisation("Weaste Gardeners", "plots@weaste.example", "Weaste");
        Map<String, Object> body = world.consultation(world.today().plusMonths(2));
        body.put("targets", Map.of("areas", List.of("Weaste")));
        assertEquals(200, world.notify(world.register(body)).status());
        MimeMessage notice = only(received("Consultation notice", "plots@weaste.example"));
        String unsubscribe = notice.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        String withAnotherPurpose = "/o/calendar.ics?" + URI.create(unsubscribe).getRawQuery();
        assertEquals(404, fetch(withAnotherPurpose, null).status(), "an unsubscribe token opens no calendar");
    }

    @Test
    void everyMailToAnOrganisationCarriesTheFeedLink() throws Exception {
        organisation("Irlams Residents", "residents@irlams.example", "Irlams");
        Map<String, Object> body = world.consultation(world.today().plusMonths(2));
        body.put("targets", Map.of("areas", List.of("Irlams")));
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());
        assertEquals(200, world.officer.patch("/api/consultations/" + id,
                Map.of("closesOn", world.today().plusMonths(2).plusWeeks(13).toString())).status());
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/withdraw",
                Map.of("reason", "The council bought another site.")).status());
        world.moveForwardTo(world.today().plusDays(1));

        for (String subject : List.of("Consultation notice", "Change to a consultation", "Withdrawn")) {
            MimeMessage m = only(received(subject, "residents@irlams.example"));
            assertThat(MailParts.part(m, "text/plain")).as(subject).contains("/o/calendar.ics?t=");
            assertThat(MailParts.part(m, "text/html")).as(subject).contains("/o/calendar.ics?t=");
        }
    }

    @Test
    void theOrganisationsOwnPageLinksToItsCalendar() throws Exception {
        organisation("Claremont Carers", "carers@claremont.example", "Claremont");
        Map<String, Object> body = world.consultation(world.today().plusMonths(2));
        body.put("targets", Map.of("areas", List.of("Claremont")));
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());
        MimeMessage notice = only(received("Consultation notice", "carers@claremont.example"));
        String preferences = Arrays.stream(MailParts.part(notice, "text/plain").split("\\s+"))
                .filter(w -> w.contains("/o/preferences?t=")).findFirst().orElseThrow();
        URI uri = URI.create(preferences);

        Api.Reply page = Api.anonymous(client).send(HttpRequest.GET(uri.getRawPath() + "?" + uri.getRawQuery())
                .accept("text/html"));
        assertEquals(200, page.status(), page::toString);
        String link = page.body().replaceAll("(?s).*<p id=\"calendar\">.*?href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(link).contains("/o/calendar.ics?t=");

        Fetched feed = fetch(link, null);
        assertEquals(200, feed.status());
        assertThat(byUid(calendarOf(feed.body()))).containsKey("consultation-" + id + "-period@salford.example");
    }

    private record Fetched(int status, String contentType, byte[] body, HttpResponse<?> response) {
        String etag() {
            return header("ETag");
        }

        String lastModified() {
            return header("Last-Modified");
        }

        String header(String name) {
            return response.getHeaders().get(name);
        }
    }

    private Fetched fetch(String link, Map<String, String> headers) {
        URI uri = URI.create(link);
        MutableHttpRequest<?> request = HttpRequest.GET(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (headers != null) {
            headers.forEach(request::header);
        }
        try {
            HttpResponse<byte[]> r = client.toBlocking().exchange(request, byte[].class);
            return new Fetched(r.code(), r.getContentType().map(Object::toString).orElse(""), r.getBody().orElse(new byte[0]), r);
        } catch (HttpClientResponseException e) {
            HttpResponse<?> r = e.getResponse();
            return new Fetched(r.code(), r.getContentType().map(Object::toString).orElse(""),
                    r.getBody(byte[].class).orElse(new byte[0]), r);
        }
    }

    private static String linkIn(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> w.contains("/o/calendar.ics?t=")).findFirst().orElseThrow();
    }

    private static Calendar calendarOf(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    private static Map<String, VEvent> byUid(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getProperty("UID").orElseThrow().getValue(), e -> e));
    }

    private static LocalDate start(VEvent e) {
        return LocalDate.from(e.getDateTimeStart().getDate());
    }

    private static LocalDate end(VEvent e) {
        return LocalDate.from(((Optional<net.fortuna.ical4j.model.property.DtEnd<?>>) (Optional) e.getProperty("DTEND"))
                .orElseThrow().getDate());
    }

    private static String summary(VEvent e) {
        return e.getProperty("SUMMARY").orElseThrow().getValue();
    }

    private static int sequence(VEvent e) {
        return Integer.parseInt(e.getProperty("SEQUENCE").orElseThrow().getValue());
    }

    private long organisation(String name, String email, String area) {
        Api.Reply r = world.officer.post("/api/organisations", Map.of("name", name, "kind", "COMMUNITY_GROUP",
                "emails", List.of(email), "areas", List.of(area), "interests", List.of("housing"),
                "communities", List.of("OLDER_PEOPLE")));
        assertEquals(201, r.status(), r::toString);
        return r.id();
    }

    private List<MimeMessage> received(String subjectStart, String to) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith(subjectStart) && m.getAllRecipients()[0].toString().equals(to)) {
                found.add(m);
            }
        }
        return found;
    }

    private static MimeMessage only(List<MimeMessage> mail) {
        assertThat(mail).hasSize(1);
        return mail.get(0);
    }
}
