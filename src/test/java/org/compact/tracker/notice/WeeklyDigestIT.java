package org.compact.tracker.notice;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A week of a WEEKLY organisation's mail, on the sim clock, over real SMTP (GreenMail): two notices, a change and a
 * withdrawal are held and arrive in one digest on Monday at 09:00, grouped by consultation with the newest first, with
 * one calendar of every event; a notice that cannot wait goes at once and says why; NOTICE counts from the digest's
 * receipt; an IMMEDIATE organisation targeted by the same consultations gets each mail as before.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyDigestIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Links links;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.jobs.enabled", "false",
                "tracker.calendar.uid-domain", "salford.example");
    }

    @Test
    void aWeekOfNoticesChangesAndAWithdrawalArrivesAsOneDigestOnMondayAndWhatCannotWaitGoesAtOnce() throws Exception {
        World world = World.create(client);
        long tenants = world.organisationIds.get(0);
        long deafForum = world.organisationIds.get(2);
        String tenantsMail = address(world, tenants);
        // Tuesday 5 January 2027: the tenants choose one mail a week; the Deaf Forum keeps each mail as it happens.
        at(world, 2027, 1, 5, 10, 0);
        Api.Reply weekly = world.officer.patch("/api/organisations/" + tenants, Map.of("mail", "WEEKLY"));
        assertEquals(200, weekly.status(), weekly::toString);
        assertEquals("WEEKLY", weekly.at("mail"));
        assertEquals("IMMEDIATE", world.officer.get("/api/organisations/" + deafForum).at("mail"));

        Map<String, Object> library = world.consultation(LocalDate.of(2027, 3, 1));
        library.put("title", "Ordsall library hours");
        long libraryId = world.register(library);
        Map<String, Object> park = world.consultation(LocalDate.of(2027, 3, 15));
        park.put("title", "Ordsall park play area");
        long parkId = world.register(park);
        assertEquals(200, world.notify(libraryId).status());
        assertEquals(200, world.notify(parkId).status());
        assertThat(to(tenantsMail)).as("the tenants' notices wait for Monday").isEmpty();
        assertThat(to(address(world, deafForum))).extracting(WeeklyDigestIT::subject)
                .filteredOn(s -> s.startsWith("Consultation notice")).hasSize(2);
        assertEquals("QUEUED", organisation(world, libraryId, tenants).get("status"));
        String page = html("/o/preferences?t=" + links.preferencesToken(tenants, tenantsMail));
        assertThat(page).contains("In your next weekly summary").contains("One summary a week");
        assertThat(page).containsPattern("value=\"WEEKLY\"\s+checked");

        // Wednesday: the library's close date and title change; Thursday: the park is withdrawn.
        at(world, 2027, 1, 6, 11, 0);
        Api.Reply changed = world.officer.patch("/api/consultations/" + libraryId,
                Map.of("closesOn", "2027-06-01", "title", "Ordsall library opening hours"));
        assertEquals(200, changed.status(), changed::toString);
        at(world, 2027, 1, 7, 11, 0);
        Api.Reply withdrawn = world.officer.post("/api/consultations/" + parkId + "/withdraw",
                Map.of("reason", "The play area is to be rebuilt by the housing trust instead."));
        assertEquals(200, withdrawn.status(), withdrawn::toString);

        // Thursday too: a notice for 8 February cannot wait for Monday (11 January + a month is past 8 February).
        Map<String, Object> urgent = world.consultation(LocalDate.of(2027, 2, 8));
        urgent.put("title", "Ordsall bus stop moves");
        long urgentId = world.register(urgent);
        assertEquals(200, world.notify(urgentId).status());
        List<MimeMessage> atOnce = to(tenantsMail);
        assertThat(atOnce).as("only the notice that cannot wait").hasSize(1);
        assertThat(subject(atOnce.get(0))).startsWith("Consultation notice: Ordsall bus stop moves");
        assertThat(MailParts.text(atOnce.get(0))).contains("You asked for one summary a week, but this notice comes at once")
                .contains("Monday 11 January 2027").contains("one calendar month");
        assertThat(MailParts.part(atOnce.get(0), "text/html")).contains("this notice comes at once");
        assertThat(MailParts.text(to(address(world, deafForum)).get(to(address(world, deafForum)).size() - 1)))
                .as("an IMMEDIATE organisation is told nothing of digests").doesNotContain("summary a week");

        // Sunday evening: still nothing more.
        at(world, 2027, 1, 10, 23, 0);
        assertThat(to(tenantsMail)).hasSize(1);

        // Monday 11 January, 09:00: one digest with the four items, grouped by consultation, the newest first.
        at(world, 2027, 1, 11, 9, 0);
        at(world, 2027, 1, 11, 9, 1);
        List<MimeMessage> digests = to(tenantsMail).stream().filter(m -> subject(m).startsWith("Weekly summary")).toList();
        assertThat(digests).hasSize(1);
        MimeMessage digest = digests.get(0);
        assertEquals("Weekly summary, 11 January 2027: 2 consultations", subject(digest));
        assertThat(digest.getMessageID()).startsWith("<digest-" + tenants + "-").endsWith("@salford.example>");
        String text = MailParts.text(digest);
        assertThat(text).contains("Dear Ordsall Tenants").contains("4 items")
                .contains("add these dates to your calendar").doesNotContain("Ordsall bus stop moves");
        int parkAt = text.indexOf("== Ordsall park play area ==");
        int libraryAt = text.indexOf("== Ordsall library opening hours ==");
        assertThat(parkAt).as("the park, withdrawn on Thursday, is the newest").isNotNegative().isLessThan(libraryAt);
        String parkPart = text.substring(parkAt, libraryAt);
        assertThat(parkPart).contains("New consultation").contains("Withdrawn")
                .contains("The play area is to be rebuilt by the housing trust instead.");
        assertThat(parkPart.indexOf("New consultation")).isLessThan(parkPart.indexOf("Withdrawn"));
        String libraryPart = text.substring(libraryAt);
        assertThat(libraryPart).contains("New consultation").contains("Changed")
                .contains("What your views can change: Where the homes go")
                .contains("It now closes at the end of Tuesday 1 June 2027")
                .contains("Monday 1 March 2027").contains("/o/reply?t=").contains("/o/concern?t=")
                // where and how to respond, as the notice itself says it; the digest names its one calendar once
                .contains("Respond online: https://www.salford.example/have-your-say/ordsall-homes")
                .contains("Public meeting, Wednesday 10 March 2027, 6:30pm to 8pm, at Ordsall Library")
                .doesNotContain("consultation-" + libraryId + ".ics");
        String html = MailParts.part(digest, "text/html");
        assertThat(html).contains("<a href=\"https://www.salford.example/have-your-say/ordsall-homes\">");
        assertThat(html).contains("<title>Weekly summary, 11 January 2027: 2 consultations</title>")
                .contains("<h2 style=\"font-size:19px\">Ordsall library opening hours</h2>");

        // One calendar: every consultation's events, each keeping its UID and the newest SEQUENCE.
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(MailParts.attachment(digest, "text/calendar")));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .contains("consultation-" + libraryId + "-period@salford.example",
                        "consultation-" + parkId + "-period@salford.example")
                .doesNotHaveDuplicates();
        // Each event says where the details are, not the consultation's whole text again.
        assertThat(events).allSatisfy(e -> assertThat(e.getProperty("DESCRIPTION").orElseThrow().getValue())
                .startsWith(DigestComposer.BRIEF).contains("/programme#c"));
        VEvent parkPeriod = event(events, "consultation-" + parkId + "-period@salford.example");
        assertEquals("CANCELLED", parkPeriod.getProperty("STATUS").orElseThrow().getValue());
        VEvent libraryClose = event(events, "consultation-" + libraryId + "-closes@salford.example");
        assertEquals(LocalDate.of(2027, 6, 1), LocalDate.from(libraryClose.getDateTimeStart().getDate()));
        int noticeSequence = sequence(to(address(world, deafForum)).stream()
                .filter(m -> subject(m).startsWith("Consultation notice: Ordsall library")).findFirst().orElseThrow());
        assertThat(Integer.parseInt(libraryClose.getProperty("SEQUENCE").orElseThrow().getValue()))
                .isGreaterThan(noticeSequence);

        // NOTICE counts from the digest's receipt: the tenants received the library's notice on Monday 11 January.
        Map<String, Object> receipt = organisation(world, libraryId, tenants);
        assertEquals("RECEIVED", receipt.get("status"));
        assertEquals("2027-01-11", receipt.get("receivedOn"));
        assertEquals("2027-02-11", receipt.get("mayOpenFrom"));

        // The reply link in the digest answers the notice.
        Matcher reply = Pattern.compile("(/o/reply\\?t=[^&\\s]+)").matcher(libraryPart);
        assertThat(reply.find()).isTrue();
        assertEquals(200, Api.anonymous(client).get(URI.create(reply.group(1)).toString()).status());

        // Nothing is sent twice: later runs on Monday and Tuesday find nothing more to send.
        at(world, 2027, 1, 11, 12, 0);
        at(world, 2027, 1, 12, 9, 0);
        assertThat(to(tenantsMail).stream().filter(m -> subject(m).startsWith("Weekly summary"))).hasSize(1);
    }

    @Test
    void anOrganisationChoosesItsMailOnItsOwnPageAndAnUnknownChoiceIsRefusedNamingTheField() {
        World world = World.create(client);
        long kersal = world.organisationIds.get(1);
        String token = links.preferencesToken(kersal, address(world, kersal));
        Api anonymous = Api.anonymous(client);

        Api.Reply refused = anonymous.patch("/o/preferences?t=" + token, Map.of("mail", "DAILY"));
        assertEquals(422, refused.status(), refused::toString);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"mail\"").contains("WEEKLY");
        assertEquals("IMMEDIATE", world.officer.get("/api/organisations/" + kersal).at("mail"), "nothing was changed");

        Api.Reply chosen = anonymous.patch("/o/preferences?t=" + token, Map.of("mail", "weekly"));
        assertEquals(200, chosen.status(), chosen::toString);
        assertEquals("WEEKLY", world.officer.get("/api/organisations/" + kersal).at("mail"));
        assertThat(anonymous.get("/o/preferences?t=" + token).body()).contains("\"mail\":\"WEEKLY\"");

        Api.Reply bad = world.officer.post("/api/organisations", Map.of("name", "Weaste Walkers", "kind",
                "COMMUNITY_GROUP", "emails", List.of("walkers@weaste.example"), "mail", "MONTHLY"));
        assertEquals(422, bad.status(), bad::toString);
        assertThat(bad.body()).contains("\"field\":\"mail\"");
    }

    private String html(String path) {
        Api.Reply reply = Api.anonymous(client).send(io.micronaut.http.HttpRequest.GET(path)
                .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE));
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }

    private static VEvent event(List<VEvent> events, String uid) {
        return events.stream().filter(e -> uid.equals(e.getUid().orElseThrow().getValue())).findFirst().orElseThrow();
    }

    private static int sequence(MimeMessage m) throws Exception {
        Matcher matcher = Pattern.compile("SEQUENCE:(\\d+)").matcher(new String(MailParts.attachment(m, "text/calendar"),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> organisation(World world, long consultationId, long organisationId) {
        Api.Reply report = world.officer.get("/api/consultations/" + consultationId + "/deliveries");
        assertEquals(200, report.status(), report::toString);
        return ((List<Map<String, Object>>) report.at("organisations")).stream()
                .filter(o -> ((Number) o.get("organisationId")).longValue() == organisationId).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String address(World world, long organisationId) {
        return ((List<String>) world.officer.get("/api/organisations/" + organisationId).at("emails")).get(0);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void at(World world, int year, int month, int day, int hour, int minute) {
        world.moveForwardTo(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, World.LONDON).toInstant());
    }
}
