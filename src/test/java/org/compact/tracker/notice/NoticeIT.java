package org.compact.tracker.notice;

import org.compact.tracker.support.MailParts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.AtOnce;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Notices reach every targeted contact that has not opted out, exactly once, over real SMTP (GreenMail), with a
 * calendar that parses; replies and one-click unsubscribe work from the links in the mail.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    World world;
    long ordsallTenants;
    long deafForum;
    long optedOut;
    long optedOutOfHousing;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        ordsallTenants = world.organisationIds.get(0);
        deafForum = world.organisationIds.get(2);
        optedOut = organisation("Ordsall Quiet Club", "quiet@example.org", Map.of("all", true));
        optedOutOfHousing = organisation("Ordsall Allotments", "allotments@example.org", Map.of("themes", List.of("Housing")));
        world.moveForwardTo(LocalDate.of(2027, 1, 4));
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void everyTargetedContactThatHasNotOptedOutGetsExactlyOneNoticeWithAValidCalendar() throws Exception {
        LocalDate opensOn = world.today().plusMonths(2);
        long id = world.register(world.consultation(opensOn));

        Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        deliverMail();
        deliverMail();

        List<MimeMessage> mail = received("Consultation notice");
        assertThat(mail).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder(email(ordsallTenants), email(deafForum));
        MimeMessage notice = mail.get(0);
        assertThat(notice.getMessageID()).startsWith("<notice-" + id + "-").endsWith("@salford.example>");
        assertThat(notice.getHeader("List-Unsubscribe")[0]).contains("/o/unsubscribe?t=");
        assertEquals("List-Unsubscribe=One-Click", notice.getHeader("List-Unsubscribe-Post")[0]);
        String text = MailParts.part(notice, "text/plain");
        assertThat(text).contains("New homes in Ordsall", "What your views can change", "What is already decided",
                "Large print", "We will take part");

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(MailParts.attachment(notice, "text/calendar")));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).isNotEmpty();
        assertThat(events).anySatisfy(e -> assertEquals(opensOn, LocalDate.from(e.getDateTimeStart().getDate())));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(events.get(0).getProperties("DTSTAMP")).hasSize(1);

        Map<String, Object> counts = (Map<String, Object>) world.officer.get("/api/consultations/" + id + "/deliveries").at("counts");
        assertEquals(2, ((Number) counts.get("SENT")).intValue());
        assertEquals(0, ((Number) counts.get("QUEUED")).intValue());
        List<Map<String, Object>> lines = (List<Map<String, Object>>) world.officer.get("/api/consultations/" + id + "/deliveries").at("deliveries");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("sentAt")).isNotNull());
        assertThat(lines).extracting(l -> ((Number) l.get("organisationId")).longValue())
                .doesNotContain(optedOut, optedOutOfHousing);
    }

    @Test
    void aOneClickUnsubscribeIsHonouredAtOnceAndAGetChangesNothing() throws Exception {
        long first = organisation("Langworthy Residents", "residents@langworthy.example", Map.of(), "Langworthy");
        long second = organisation("Langworthy Carers", "carers@langworthy.example", Map.of(), "Langworthy");
        Map<String, Object> body = consultationIn("Langworthy");
        long id = registerAndNotify(body);
        URI link = unsubscribeLinkIn(received("Consultation notice"), first);
        String path = link.getRawPath() + "?" + link.getRawQuery();

        Api.Reply page = Api.anonymous(client).get(path);
        assertEquals(200, page.status());
        assertThat(page.body()).contains("<form method=\"post\"");

        Api.Reply unsubscribed = postForm(path, "List-Unsubscribe=One-Click");
        assertEquals(200, unsubscribed.status(), unsubscribed::toString);
        smtp.purgeEmailFromAllMailboxes();

        Api.Reply changed = world.officer.patch("/api/consultations/" + id,
                Map.of("closesOn", world.today().plusMonths(2).plusWeeks(14).toString()));
        assertEquals(200, changed.status(), changed::toString);
        deliverMail();
        assertThat(received("Change to a consultation")).extracting(NoticeIT::recipient)
                .containsExactly(email(second));

        registerAndNotify(body);
        assertThat(received("Consultation notice")).extracting(NoticeIT::recipient).containsExactly(email(second));
    }

    @Test
    void aOneClickUnsubscribeAndThePersonsOwnClickAtOnceBothSucceedAndUnsubscribeOnce() throws Exception {
        long org = organisation("Langworthy Tenants", "tenants@langworthy.example", Map.of(), "Langworthy");
        Map<String, Object> body = consultationIn("Langworthy");
        registerAndNotify(body);
        String path = "/o/unsubscribe?" + unsubscribeLinkIn(received("Consultation notice"), org).getRawQuery();

        List<Integer> statuses = AtOnce.run(6, () -> postForm(path, "List-Unsubscribe=One-Click").status());

        assertThat(statuses).containsOnly(200);
        smtp.purgeEmailFromAllMailboxes();
        registerAndNotify(body);
        assertThat(received("Consultation notice")).extracting(NoticeIT::recipient).doesNotContain(email(org));
    }

    @Test
    void aContactThatUnsubscribedByMistakeSubscribesAgainWithTheSameLink() throws Exception {
        long org = organisation("Weaste Allotments", "plots@weaste.example", Map.of(), "Weaste");
        Map<String, Object> body = consultationIn("Weaste");
        registerAndNotify(body);
        String query = "?" + unsubscribeLinkIn(received("Consultation notice"), org).getRawQuery();

        Api.Reply unsubscribed = postForm("/o/unsubscribe" + query, "List-Unsubscribe=One-Click");
        assertEquals(200, unsubscribed.status(), unsubscribed::toString);
        assertThat(unsubscribed.body()).contains("Subscribe again").contains("action=\"/o/resubscribe" + query);
        Api.Reply pageWhileUnsubscribed = Api.anonymous(client).get("/o/unsubscribe" + query);
        assertThat(pageWhileUnsubscribed.body()).contains("You have unsubscribed").contains("Subscribe again");
        smtp.purgeEmailFromAllMailboxes();
        registerAndNotify(body);
        assertThat(received("Consultation notice")).extracting(NoticeIT::recipient).doesNotContain(email(org));

        Api.Reply again = postForm("/o/resubscribe" + query, "");
        assertEquals(200, again.status(), again::toString);
        assertThat(again.body()).contains("You are subscribed again").contains(email(org));
        Api.Reply twice = postForm("/o/resubscribe" + query, "");
        assertEquals(200, twice.status(), twice::toString);
        assertThat(Api.anonymous(client).get("/o/unsubscribe" + query).body()).contains("Stop these emails");

        smtp.purgeEmailFromAllMailboxes();
        registerAndNotify(body);
        assertThat(received("Consultation notice")).extracting(NoticeIT::recipient).containsExactly(email(org));
    }

    @Test
    void aForgedResubscribeLinkIsRefused() {
        Api.Reply forged = postForm("/o/resubscribe?t=bm90LmEudG9rZW4.AAAA", "");
        assertEquals(403, forged.status());
    }

    @Test
    void aForgedUnsubscribeLinkIsRefused() {
        Api.Reply forged = postForm("/o/unsubscribe?t=bm90LmEudG9rZW4.AAAA", "");
        assertEquals(403, forged.status());
    }

    @Test
    void aReplyFromTheLinkInTheNoticeIsRecordedOnTheDelivery() throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        world.officer.post("/api/consultations/" + id + "/notify");
        deliverMail();
        MimeMessage notice = received("Consultation notice").stream()
                .filter(m -> recipient(m).equals(email(deafForum))).findFirst().orElseThrow();
        String text = MailParts.part(notice, "text/plain");
        String link = Arrays.stream(text.split("\\s+")).filter(w -> w.contains("/o/reply?t=") && w.contains("NEEDS_FORMAT"))
                .findFirst().orElseThrow();
        URI uri = URI.create(link);
        String token = uri.getRawQuery().replaceAll("^t=([^&]+).*$", "$1");

        Api.Reply page = Api.anonymous(client).get(uri.getRawPath() + "?" + uri.getRawQuery());
        assertEquals(200, page.status());
        assertThat(page.body()).contains("We need an accessible format");

        Api.Reply recorded = Api.anonymous(client).send(HttpRequest.POST("/o/reply",
                "t=" + token + "&answer=NEEDS_FORMAT&note=British+Sign+Language+at+the+meeting")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(200, recorded.status(), recorded::toString);

        List<Map<String, Object>> lines = (List<Map<String, Object>>) world.officer
                .get("/api/consultations/" + id + "/deliveries").at("deliveries");
        Map<String, Object> line = lines.stream().filter(l -> email(deafForum).equals(l.get("email"))).findFirst().orElseThrow();
        assertEquals("NEEDS_FORMAT", line.get("reply"));
        assertEquals("British Sign Language at the meeting", line.get("replyNote"));
    }

    @Test
    void aWithdrawalIsMailedToEveryoneNotifiedWithTheReason() throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        world.officer.post("/api/consultations/" + id + "/notify");
        deliverMail();
        smtp.purgeEmailFromAllMailboxes();

        world.officer.post("/api/consultations/" + id + "/withdraw", Map.of("reason", "The site has been sold."));
        deliverMail();

        List<MimeMessage> mail = received("Withdrawn");
        assertThat(mail).hasSize(2);
        assertThat(MailParts.part(mail.get(0), "text/plain")).contains("The site has been sold.");
    }

    @Test
    void aChangeThenAWithdrawalReplaceThenCancelTheNoticesCalendarEventsForThoseStillToBeTold() throws Exception {
        long told = organisation("Seedley Tenants", "tenants@seedley.example", Map.of(), "Seedley");
        long optsOutOfTheTheme = organisation("Seedley Gardeners", "gardeners@seedley.example", Map.of(), "Seedley");
        long bounced = organisation("Seedley Bowls", "bowls@seedley.example", Map.of(), "Seedley");
        Map<String, Object> body = consultationIn("Seedley");
        long id = registerAndNotify(body);
        List<VEvent> noticed = events(received("Consultation notice"), told);
        assertThat(noticed).isNotEmpty().allSatisfy(e -> {
            // the consultation's weeks leave contacts free; a meeting is time they keep
            boolean meeting = e.getProperty("DTSTART").orElseThrow().getValue().contains("T");
            assertThat(e.getProperty("TRANSP").orElseThrow().getValue()).isEqualTo(meeting ? "OPAQUE" : "TRANSPARENT");
            assertThat(e.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        });

        String theme = ((List<String>) body.get("themes")).get(0);
        assertEquals(200, world.officer.patch("/api/organisations/" + optsOutOfTheTheme,
                Map.of("optOut", Map.of("themes", List.of(theme)))).status());
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE outbox_message SET status = 'FAILED' WHERE message_id ="
                     + " (SELECT message_id FROM delivery WHERE consultation_id = ? AND organisation_id = ? AND kind = 'NOTICE')")) {
            s.setLong(1, id);
            s.setLong(2, bounced);
            assertEquals(1, s.executeUpdate(), "the relay gave up on the bowls club's notice");
        }
        smtp.purgeEmailFromAllMailboxes();

        assertEquals(200, world.officer.patch("/api/consultations/" + id,
                Map.of("closesOn", world.today().plusMonths(2).plusWeeks(14).toString())).status());
        deliverMail();
        List<MimeMessage> changes = received("Change to a consultation");
        assertThat(changes).extracting(NoticeIT::recipient).containsExactly(email(told));
        List<VEvent> changed = events(changes, told);
        assertThat(uids(changed)).isEqualTo(uids(noticed));
        assertThat(sequence(changed)).isGreaterThan(sequence(noticed));

        smtp.purgeEmailFromAllMailboxes();
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/withdraw",
                Map.of("reason", "The site has been sold.")).status());
        deliverMail();
        List<MimeMessage> withdrawals = received("Withdrawn");
        assertThat(withdrawals).extracting(NoticeIT::recipient).containsExactly(email(told));
        List<VEvent> cancelled = events(withdrawals, told);
        assertThat(uids(cancelled)).isEqualTo(uids(noticed));
        assertThat(sequence(cancelled)).isGreaterThan(sequence(changed));
        assertThat(cancelled).allSatisfy(e ->
                assertThat(e.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED"));
        MimeMessage withdrawal = withdrawals.get(0);
        assertThat(new String(MailParts.attachment(withdrawal, "text/calendar"), java.nio.charset.StandardCharsets.UTF_8))
                .as("calendar programs take a cancelled event out only through METHOD:CANCEL").contains("\r\nMETHOD:CANCEL\r\n");
        assertThat(MailParts.find((jakarta.mail.Multipart) withdrawal.getContent(), "text/calendar").getContentType())
                .contains("method=CANCEL");
    }

    /** The VEVENTs of the calendar attached to the mail among {@code mail} that went to the organisation. */
    private List<VEvent> events(List<MimeMessage> mail, long organisationId) throws Exception {
        MimeMessage m = mail.stream().filter(x -> recipient(x).equals(email(organisationId))).findFirst().orElseThrow();
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(MailParts.attachment(m, "text/calendar")));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar.getComponents("VEVENT");
    }

    private static java.util.Set<String> uids(List<VEvent> events) {
        return events.stream().map(e -> e.getProperty("UID").orElseThrow().getValue())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static int sequence(List<VEvent> events) {
        return events.stream().mapToInt(e -> Integer.parseInt(e.getProperty("SEQUENCE").orElseThrow().getValue()))
                .min().orElseThrow();
    }

    @Test
    void aConsultationHeldBecauseOpeningLateWouldCutItsPeriodIsReportedToTheLeadOfficerOnce() throws Exception {
        LocalDate today = world.today();
        Map<String, Object> body = world.consultation(today.plusDays(10));
        body.put("title", "Held for its twelve weeks");
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());
        smtp.purgeEmailFromAllMailboxes();

        world.moveForwardTo(today.plusMonths(1));
        world.moveForwardTo(today.plusMonths(1).plusDays(1));
        deliverMail();

        assertEquals("NOTIFIED", world.officer.get("/api/consultations/" + id).at("status"));
        List<MimeMessage> held = received("Not opened: Held for its twelve weeks");
        assertThat(held).extracting(NoticeIT::recipient).containsExactly(world.officerName + "@example.org");
        assertThat(MailParts.text(held.get(0))).contains("move the close date to").contains("DURATION exemption");
    }

    @Test
    void theNoticeWatchRemindsTheOfficerOnceAndReportsABreachToTheComplianceContact() throws Exception {
        LocalDate today = world.today();
        long near = world.register(world.consultation(today.plusMonths(1).plusDays(5)));
        long late = world.register(world.consultation(today.plusDays(20)));
        Map<String, Object> exemptBody = world.consultation(today.plusDays(21));
        exemptBody.put("title", "Exempted short notice");
        long exempt = world.register(exemptBody);
        assertEquals(201, world.officer.post("/api/consultations/" + exempt + "/exemptions", Map.of("ruleId", "NOTICE",
                "reason", "The grant deadline leaves three weeks; agreed with the Compact group")).status());

        world.moveForwardTo(today.plusDays(1));
        world.moveForwardTo(today.plusDays(2));
        deliverMail();

        List<MimeMessage> reminders = received("Send notice by");
        assertThat(reminders).filteredOn(m -> subject(m).contains("New homes")).hasSize(1);
        assertThat(reminders).extracting(NoticeIT::recipient).containsOnly(world.officerName + "@example.org");
        List<MimeMessage> breaches = received("NOTICE breach");
        assertThat(breaches).extracting(NoticeIT::recipient)
                .contains(world.officerName + "@example.org")
                .anyMatch(r -> r.startsWith("compact") && r.endsWith("@salford.example"));
        assertThat(MailParts.part(breaches.get(0), "text/plain")).contains("calendar month");
        assertThat(breaches).as("a recorded NOTICE exemption stops the breach mail")
                .noneMatch(m -> subject(m).contains("Exempted short notice"));
        assertThat(near).isNotEqualTo(late);
    }

    /** A new consultation's body, its notice targeted at one area. */
    private Map<String, Object> consultationIn(String area) {
        Map<String, Object> body = world.consultation(world.today().plusMonths(2));
        body.put("targets", Map.of("areas", List.of(area)));
        return body;
    }

    /** Registers the consultation, notifies it and lets the relay deliver its notices. */
    private long registerAndNotify(Map<String, Object> body) throws Exception {
        long id = world.register(body);
        world.officer.post("/api/consultations/" + id + "/notify");
        deliverMail();
        return id;
    }

    /** The one-click unsubscribe link of the notice among {@code mail} that went to the organisation. */
    private URI unsubscribeLinkIn(List<MimeMessage> mail, long organisationId) throws Exception {
        MimeMessage notice = mail.stream().filter(m -> recipient(m).equals(email(organisationId))).findFirst()
                .orElseThrow();
        return URI.create(notice.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
    }

    private Api.Reply postForm(String uri, String body) {
        return Api.anonymous(client).send(HttpRequest.POST(uri, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    private long organisation(String name, String email, Map<String, Object> optOut) {
        return organisation(name, email, optOut, "Ordsall");
    }

    private long organisation(String name, String email, Map<String, Object> optOut, String area) {
        Api.Reply r = world.officer.post("/api/organisations", Map.of("name", name, "kind", "COMMUNITY_GROUP",
                "emails", List.of(email), "areas", List.of(area), "interests", List.of("housing"),
                "communities", List.of("OLDER_PEOPLE"), "optOut", optOut));
        assertEquals(201, r.status(), r::toString);
        return r.id();
    }

    private String email(long organisationId) {
        return ((List<String>) world.officer.get("/api/organisations/" + organisationId).at("emails")).get(0);
    }

    private void deliverMail() {
        world.moveForwardTo(world.today().atStartOfDay().plusHours(9).plusMinutes(1).toLocalDate());
    }

    private List<MimeMessage> received(String subjectStart) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject(m).startsWith(subjectStart)) {
                found.add(m);
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }



}
