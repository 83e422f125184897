package org.compact.tracker.notice;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TcpProxy;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The case, on the sim clock, with the mail server down from 1 to 5 January 2027 (a proxy that answers every
 * connection "421", GreenMail behind it): notice counts from the day each organisation received it, not from the
 * day the officer sent it. Opening early by hand is refused naming the organisations; a consultation whose notice
 * arrived too late for its open date is held, its officer told once, and opens by itself on the first day every
 * organisation has had its month; and each opening on a day other than the notice gave is mailed to everyone
 * notified, with the calendar's events moved.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeFromReceiptIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    private static final TcpProxy PROXY = proxy();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(smtp.serviceProperties("tracker.mail.from",
                "consultations@salford.example", "tracker.jobs.enabled", "false",
                "tracker.mail.smtp.connect-timeout", "2s"));
        props.put("tracker.mail.smtp.port", String.valueOf(PROXY.port()));
        return props;
    }

    private static TcpProxy proxy() {
        try {
            return new TcpProxy(smtp.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void noticeHeldUpByTheMailServerCountsFromItsReceiptAndEveryChangeOfOpeningDateIsMailed() throws Exception {
        World world = World.create(client);
        long ordsall = world.organisationIds.get(0);
        long kersal = world.organisationIds.get(1);
        long deafForum = world.organisationIds.get(2);
        at(world, 2027, 1, 1, 10, 0);
        long march = world.register(world.consultation(LocalDate.of(2027, 3, 1)));
        Map<String, Object> body = world.consultation(LocalDate.of(2027, 2, 1));
        body.put("closesOn", "2027-05-10"); // long enough to open a few days late (DURATION)
        long february = world.register(body);

        // 1 January: both are notified in time, as the mail server goes down until 5 January.
        PROXY.refuse();
        assertEquals(200, world.officer.post("/api/consultations/" + march + "/notify").status());
        assertEquals(200, world.officer.post("/api/consultations/" + february + "/notify").status());
        at(world, 2027, 1, 1, 10, 10);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        Map<String, Object> waiting = notice(world.officer.get("/api/consultations/" + february));
        assertEquals("WARN", waiting.get("verdict"), "the checklist: notice not received yet");
        assertThat((String) waiting.get("reason")).contains("has not received the notice")
                .contains("still waiting for the mail server");

        // While the notices wait, opening by hand names each organisation and what the officer can do.
        Api.Reply queued = world.officer.post("/api/consultations/" + march + "/open");
        assertEquals(422, queued.status(), queued::toString);
        assertThat(queued.body()).contains("has not received the notice")
                .contains("/api/consultations/" + march + "/notify/resend");

        // The delivery report: each organisation still waits for its notice, with no day to open from yet.
        List<Map<String, Object>> queuedOrganisations = organisations(world, march);
        assertThat(queuedOrganisations).hasSize(2).allSatisfy(o -> {
            assertEquals("QUEUED", o.get("status"));
            assertThat(o.get("receivedOn")).isNull();
            assertThat(o.get("mayOpenFrom")).isNull();
        });

        // The public programme: the notice is still being delivered; it says so, and the day it was sent.
        Map<String, Object> delivering = programmeEntry(february);
        assertEquals("2027-01-01", delivering.get("notifiedOn"));
        assertEquals(Boolean.TRUE, delivering.get("noticeBeingDelivered"));
        assertThat(delivering.get("noticeReceivedOn")).isNull();
        assertThat(programmePage(february)).contains("Notice being delivered (sent on <time datetime=\"2027-01-01\">");

        // 5 January: the server is back and takes the notices; the checklist and the programme count from then.
        PROXY.restore();
        at(world, 2027, 1, 5, 10, 0);
        assertThat(subjects()).filteredOn(s -> s.startsWith("Consultation notice")).hasSize(4);
        Map<String, Object> received = notice(world.officer.get("/api/consultations/" + february));
        assertThat((String) received.get("verdict")).isIn("PASS", "FAIL");
        assertThat((String) received.get("reason")).contains("received the notice on 2027-01-05")
                .doesNotContain("still waiting for the mail server");
        Map<String, Object> given = programmeEntry(february);
        assertEquals("2027-01-05", given.get("noticeReceivedOn"));
        assertEquals(Boolean.FALSE, given.get("noticeBeingDelivered"));
        assertEquals("2027-01-01", given.get("notifiedOn"), "notifiedOn stays the day notice was sent");
        List<Map<String, Object>> receivedOrganisations = organisations(world, march);
        assertThat(receivedOrganisations).extracting(o -> ((Number) o.get("organisationId")).longValue())
                .containsExactlyInAnyOrder(ordsall, deafForum);
        assertThat(receivedOrganisations).allSatisfy(o -> {
            assertEquals("RECEIVED", o.get("status"));
            assertEquals("2027-01-05", o.get("receivedOn"));
            assertEquals("2027-02-05", o.get("mayOpenFrom"), "a calendar month from the receipt");
        });
        assertThat(receivedOrganisations).extracting(o -> (String) o.get("name"))
                .anySatisfy(n -> assertThat(n).startsWith("Salford Deaf Forum"));
        String row = programmePage(february);
        assertThat(row).contains("<time datetime=\"2027-01-05\">").doesNotContain("Notice being delivered");

        // 1 February: opening the March consultation by hand gives the groups 27 days: refused, naming both.
        at(world, 2027, 2, 1, 8, 0);
        Api.Reply early = world.officer.post("/api/consultations/" + march + "/open");
        assertEquals(422, early.status(), early::toString);
        assertThat(early.contentType()).startsWith("application/problem+json");
        List<Map<String, Object>> errors = errors(early);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertEquals("NOTICE", e.get("ruleId")));
        assertThat(errors).extracting(e -> (String) e.get("reason")).anySatisfy(r -> assertThat(r)
                .contains("Salford Deaf Forum").contains("(organisation " + deafForum + ")")
                .contains("received the notice on 2027-01-05").contains("may open from 2027-02-05"));
        assertThat(errors).extracting(e -> (String) e.get("reason")).anySatisfy(r -> assertThat(r)
                .contains("Ordsall Tenants").contains("(organisation " + ordsall + ")"));

        // 1 February 09:00: the February consultation's open date; its notice came too late: held, officer told once.
        at(world, 2027, 2, 1, 9, 0);
        assertEquals("NOTIFIED", world.officer.get("/api/consultations/" + february).at("status"));
        List<Map<String, Object>> history = world.officer.get("/api/consultations/" + february + "/history").list();
        Map<String, Object> held = history.get(history.size() - 1);
        assertEquals("HELD", held.get("kind"));
        assertThat((String) held.get("reason")).contains("may open from 2027-02-05");
        at(world, 2027, 2, 2, 9, 0);
        at(world, 2027, 2, 4, 9, 0);
        List<MimeMessage> notOpened = mail("Not opened: ");
        assertThat(notOpened).as("the lead officer, once").hasSize(1);
        assertEquals(world.officerName + "@example.org", notOpened.get(0).getAllRecipients()[0].toString());
        assertThat(MailParts.text(notOpened.get(0))).contains("rule NOTICE").contains("2027-02-05")
                .contains("opens by itself");
        assertEquals("NOTIFIED", world.officer.get("/api/consultations/" + february).at("status"));

        // 5 February: the month has run for every organisation; the scheduler opens it, late, and tells them.
        at(world, 2027, 2, 5, 9, 0);
        Api.Reply opened = world.officer.get("/api/consultations/" + february);
        assertEquals("OPEN", opened.at("status"));
        assertEquals("2027-02-05", opened.at("openedOn"));
        List<MimeMessage> late = mail("Change to a consultation");
        assertThat(late).as("one change mail to each notified contact").hasSize(2);
        assertThat(MailParts.text(late.get(0))).contains("It opened late, on Friday 5 February 2027, not on Monday 1 February 2027");
        assertThat(sequence(late.get(0))).as("the calendar's events replace the notice's")
                .isGreaterThan(sequence(mail("Consultation notice").get(0)));
        assertThat(ics(late.get(0))).contains("DTSTART;VALUE=DATE:20270205");
        history = world.officer.get("/api/consultations/" + february + "/history").list();
        Map<String, Object> openedEntry = history.get(history.size() - 1);
        assertEquals("OPENED", openedEntry.get("kind"));
        assertThat((String) openedEntry.get("reason")).contains("late").contains("2027-02-01");

        // 10 February: the March consultation may open early now; everyone notified is told it opened early.
        at(world, 2027, 2, 10, 9, 0);
        smtp.purgeEmailFromAllMailboxes();
        Api.Reply byHand = world.officer.post("/api/consultations/" + march + "/open");
        assertEquals(200, byHand.status(), byHand::toString);
        assertEquals("PASS", notice(byHand).get("verdict"));
        at(world, 2027, 2, 10, 9, 5);
        List<MimeMessage> earlyMail = mail("Change to a consultation");
        assertThat(earlyMail).hasSize(2);
        assertThat(MailParts.text(earlyMail.get(0))).contains("It opened early, on Wednesday 10 February 2027, not on Monday 1 March 2027");

        // The resend route: only organisations the consultation asks, and a fresh notice to their current contacts.
        Api.Reply notTargeted = world.officer.post("/api/consultations/" + march + "/notify/resend",
                Map.of("organisationIds", List.of(deafForum, kersal, 999_999)));
        assertEquals(422, notTargeted.status(), notTargeted::toString);
        assertThat(notTargeted.contentType()).startsWith("application/problem+json");
        assertThat(errors(notTargeted)).extracting(e -> e.get("field"))
                .containsExactly("organisationIds[1]", "organisationIds[2]");
        Api.Reply otherAgency = world.otherOfficer.post("/api/consultations/" + march + "/notify/resend",
                Map.of("organisationIds", List.of(deafForum)));
        assertEquals(403, otherAgency.status(), otherAgency::toString);
        Api.Reply resent = world.officer.post("/api/consultations/" + march + "/notify/resend",
                Map.of("organisationIds", List.of(deafForum)));
        assertEquals(200, resent.status(), resent::toString);
        assertEquals(1, ((Number) resent.at("organisations")).intValue());
        at(world, 2027, 2, 10, 9, 10);
        assertThat(mail("Consultation notice")).hasSize(1);
        history = world.officer.get("/api/consultations/" + march + "/history").list();
        assertEquals("NOTICE_RESENT", history.get(history.size() - 1).get("kind"));
    }

    /** Each organisation's receipt, from the consultation's delivery report as its officer reads it. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> organisations(World world, long id) {
        Api.Reply report = world.officer.get("/api/consultations/" + id + "/deliveries");
        assertEquals(200, report.status(), report::toString);
        return (List<Map<String, Object>>) report.at("organisations");
    }

    /** The consultation's entry in the public JSON programme, read anonymously. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> programmeEntry(long id) {
        Api.Reply reply = Api.anonymous(client).get("/api/programme");
        assertEquals(200, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.at("consultations")).stream()
                .filter(e -> ((Number) e.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    /** The consultation's row of the public programme page. */
    private String programmePage(long id) {
        Api.Reply reply = Api.anonymous(client).get("/programme");
        assertEquals(200, reply.status(), reply::toString);
        String page = reply.body();
        int start = page.indexOf("<tr id=\"c" + id + "\">");
        assertThat(start).as("the consultation's row").isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static void at(World world, int year, int month, int day, int hour, int minute) {
        world.moveForwardTo(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, World.LONDON).toInstant());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notice(Api.Reply consultation) {
        return ((List<Map<String, Object>>) consultation.at("checks")).stream()
                .filter(c -> "NOTICE".equals(c.get("ruleId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Api.Reply problem) {
        return (List<Map<String, Object>>) problem.at("errors");
    }

    private static List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(NoticeFromReceiptIT::subject).toList();
    }

    private static List<MimeMessage> mail(String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ics(MimeMessage m) throws Exception {
        return new String(MailParts.attachment(m, "text/calendar"), StandardCharsets.UTF_8);
    }

    private static int sequence(MimeMessage m) throws Exception {
        Matcher matcher = Pattern.compile("SEQUENCE:(\\d+)").matcher(ics(m));
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
