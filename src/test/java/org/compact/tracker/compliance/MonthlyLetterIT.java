package org.compact.tracker.compliance;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The monthly letter over the sim clock, with mail delivered to GreenMail. Agency A's consultation C opened
 * 2030-08-01 and closed 2030-10-24 without feedback (due 2031-01-16, so late in January); a concern about it raised
 * 2030-10-01 is never answered; P is planned to open 2031-03-10 (notice deadline 2031-02-10). Agency B has nothing.
 * February 2031 starts on a Saturday: its first working day is Monday 3 February. The service is "down" that day: the
 * clock goes from Saturday to Wednesday 5 February, and the letters go then, once.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyLetterIT implements TestPropertyProvider {
    private static final Pattern REPLY_TOKEN = Pattern.compile("/o/reply\\?t=([A-Za-z0-9_.-]+)");
    private static final String LATE_TITLE = "Library opening hours & <stock>";

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LetterPost post;

    @Inject
    Outbox outbox;

    World world;
    long late;
    long planned;
    int lettersOnSaturday;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.jobs.enabled",
                "false", "tracker.letter.enabled", "true", "tracker.public-url", "https://tracker.salford.example");
    }

    @BeforeAll
    void buildAndPassTheFirstWorkingDay() throws Exception {
        world = World.create(client);
        world.moveTo(LocalDate.of(2030, 6, 20));
        Map<String, Object> body = world.consultation(LocalDate.of(2030, 8, 1));
        body.put("title", LATE_TITLE);
        late = world.register(body);
        world.notify(late);
        world.moveTo(LocalDate.of(2030, 8, 1));
        world.moveTo(LocalDate.of(2030, 10, 1));
        raiseConcern(late, "NO_FEEDBACK", "When will we hear what you did with our views?");
        world.moveTo(LocalDate.of(2030, 10, 25));
        assertEquals("CLOSED", world.officer.get("/api/consultations/" + late).at("status"));
        world.moveTo(LocalDate.of(2031, 1, 20));
        Map<String, Object> soon = world.consultation(LocalDate.of(2031, 3, 10));
        soon.put("title", "Park cafe lease");
        planned = world.register(soon);
        world.moveTo(LocalDate.of(2031, 2, 1));
        lettersOnSaturday = letters("2031-02").size();
        world.moveTo(LocalDate.of(2031, 2, 5));
        world.moveForwardTo(Instant.parse("2031-02-05T09:05:00Z"));
        world.moveTo(LocalDate.of(2031, 2, 6));
    }

    @Test
    void nothingGoesBeforeTheFirstWorkingDayAndTheLettersGoOnceWhenTheServiceRunsAgain() {
        assertEquals(0, lettersOnSaturday, "Saturday 1 February is no working day");
        String contactA = "compact" + number() + "@salford.example";
        String contactB = "compact" + number() + "@southampton.example";
        String monitor = "monty" + number() + "@example.org";
        assertThat(letters("2031-02")).extracting(MonthlyLetterIT::recipient)
                .contains(contactA, contactB, monitor).doesNotHaveDuplicates();
    }

    @Test
    void theContactsLetterSaysWhatBrokeWhatIsLateTheOldConcernsAndTheNearDeadlinesWithLinks() throws Exception {
        MimeMessage a = letterTo("compact" + number() + "@salford.example");
        assertThat(a.getSubject()).isEqualTo("Compact compliance letter for February 2031: Salford City Council "
                + number());
        String text = MailParts.text(a).replace("\r\n", "\n");
        String link = "https://tracker.salford.example/consultations/";
        assertThat(section(text, "What broke a rule in January 2031"))
                .contains("Feedback on “" + LATE_TITLE + "” was due on 16 January 2031 and has not been given",
                        link + late);
        assertThat(section(text, "Feedback late or due in February 2031"))
                .contains("“" + LATE_TITLE + "”: feedback late since 16 January 2031", link + late);
        assertThat(section(text, "Concerns open for more than 14 days"))
                .contains("A concern about “" + LATE_TITLE + "” raised on 1 October 2030, open 127 days: We have not had "
                        + "feedback on this consultation yet", link + late);
        assertThat(section(text, "Planned consultations close to their notice deadline"))
                .contains("“Park cafe lease” is planned to open on 10 March 2031: notice must go out by 10 February 2031",
                        link + planned);

        String b = MailParts.text(letterTo("compact" + number() + "@southampton.example"));
        assertThat(b).contains("Nothing broke a rule.", "No feedback is late or due.",
                "No concern has been open that long.").doesNotContain(LATE_TITLE);

        String m = MailParts.text(letterTo("monty" + number() + "@example.org"));
        assertThat(m).contains("=== Salford City Council " + number() + " ===",
                "=== Southampton City Council " + number() + " ===", "“Park cafe lease”");
    }

    @Test
    void theLetterAndTheReportsAgreeOnTheLateFeedback() {
        Api.Reply report = world.monitor.get("/api/compliance?from=2030-01-01&to=2030-12-31&agency=" + world.agencyId);
        assertEquals(200, report.status(), report::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) report.at("sections.FEEDBACK.lists.overdue.rows");
        assertThat(overdue).extracting(r -> ((Number) r.get("consultationId")).longValue()).containsExactly(late);
        Api.Reply annual = world.monitor.send(HttpRequest.GET("/compliance/annual?year=2030&agency=" + world.agencyId)
                .accept(MediaType.APPLICATION_JSON_TYPE));
        assertThat(annual.at("partners[0].lateFeedback[0].consultationId")).isEqualTo((int) late);
        assertThat(annual.at("partners[0].lateFeedback[0].dueOn")).isEqualTo("2031-01-16");
    }

    @Test
    void aSecondNodeFindsTheMonthClaimedAndQueuesNothing() {
        String id = "letter-2031-02-second-node@salford.example";
        OutgoingMail again = new OutgoingMail(id, MonthlyLetter.CATEGORY, "someone@example.org", "again", "again",
                null, List.of(), Map.of(), "compliance-letter:2031-02");
        assertThat(post.post(YearMonth.of(2031, 2), List.of(again), Instant.parse("2031-02-05T10:00:00Z"))).isFalse();
        assertThat(outbox.states(List.of(id))).isEmpty();
    }

    private String number() {
        return world.officerName.replace("olivia", "");
    }

    private static List<MimeMessage> letters(String month) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getMessageID().startsWith("<letter-" + month + "-");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage letterTo(String address) {
        List<MimeMessage> found = letters("2031-02").stream().filter(m -> recipient(m).equals(address)).toList();
        assertThat(found).as("one letter to " + address).hasSize(1);
        return found.get(0);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text under a heading of the letter, up to the next blank line. */
    private static String section(String text, String heading) {
        int at = text.indexOf(heading + "\n");
        assertThat(at).as("the heading " + heading).isNotNegative();
        int end = text.indexOf("\n\n", at);
        return text.substring(at, end < 0 ? text.length() : end);
    }

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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
