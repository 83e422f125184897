package org.compact.tracker.feedback;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Anyone raises a concern or a comment without a link (issue 18, item 4): through POST /api/public/concerns (JSON or
 * a form), confirmed by the link mailed over real SMTP (GreenMail); the lead officer and the compliance contact
 * hear of it, the answer reaches the sender, and the daily chase (on the sim clock) reminds and escalates until it is
 * answered. Each test sends from its own client address (X-Forwarded-For, trusted here) so the throttles of one
 * test do not touch another.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicConcernsIT implements TestPropertyProvider {
    private static final Pattern CONFIRM = Pattern.compile("/o/concern/confirm\\?t=([A-Za-z0-9_.-]+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example",
                "tracker.client-address-header", "X-Forwarded-For");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        advance(0, 1);
    }

    @Test
    void aGroupLeftOutRaisesAConcernWithoutALinkAndItCountsOnlyOnceConfirmed() throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String email = unique("traveller.group");

        Api.Reply accepted = send(json(id, email, "NO_NOTICE", "Our site was never told of this. <b>Why</b>?"), client());

        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("PENDING_CONFIRMATION", accepted.at("status"));
        assertThat((String) accepted.at("message")).contains(email, "confirm");
        assertThat(concerns(id)).as("nothing counts before the sender confirms").isEmpty();

        advance(0, 1);
        MimeMessage confirmation = mailTo(email, "Please confirm your concern: New homes in Ordsall");
        String text = MailParts.text(confirmation);
        assertThat(text).contains("Our site was never told of this. Why?").doesNotContain("<b>");
        Matcher token = CONFIRM.matcher(text);
        assertThat(token.find()).as("a confirmation link in: %s", text).isTrue();

        Api.Reply page = Api.anonymous(client).send(HttpRequest.GET("/o/concern/confirm?t=" + token.group(1))
                .accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(200, page.status(), page::toString);
        assertThat(page.body()).contains("Confirm and send my concern", "method=\"post\"");
        assertThat(concerns(id)).as("following the link (as a mail scanner does) confirms nothing").isEmpty();

        Api.Reply confirmed = confirm(token.group(1));
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertThat(confirmed.body()).contains("Your concern has been sent");
        assertEquals(200, confirm(token.group(1)).status(), "confirming twice changes nothing");

        List<Map<String, Object>> listed = concerns(id);
        assertThat(listed).hasSize(1);
        Map<String, Object> concern = listed.get(0);
        assertEquals("NO_NOTICE", concern.get("kind"));
        assertEquals("Our site was never told of this. Why?", concern.get("text"), "no HTML kept");
        assertEquals("Rosa Smith", concern.get("senderName"));
        assertEquals("Irlam Travellers' Group", concern.get("organisationName"));
        assertThat(concern.get("organisationId")).isNull();

        advance(0, 1);
        MimeMessage alert = mailTo(world.officerName + "@example.org", "New concern: New homes in Ordsall",
                "(reference " + concern.get("id") + ")");
        assertThat(MailParts.text(alert)).contains("Rosa Smith", "Irlam Travellers' Group", "Our site was never told");
        assertThat(recipientsOf("New concern: New homes in Ordsall", "(reference " + concern.get("id") + ")"))
                .as("the compliance contact is told too").anyMatch(r -> r.startsWith("compact"));

        long concernId = ((Number) concern.get("id")).longValue();
        Api.Reply answered = world.officer.post("/api/consultations/" + id + "/concerns/" + concernId + "/answer",
                Map.of("answer", "You are right: we will add your site to the list and notify you today."));
        assertEquals(200, answered.status(), answered::toString);
        advance(0, 1);
        MimeMessage answer = mailTo(email, "Answer to your concern: New homes in Ordsall");
        assertThat(MailParts.text(answer)).contains("Dear Rosa Smith", "add your site to the list");
    }

    @Test
    void aPlanningCommentIsOnlyForAConsultationNotYetOpenAndEveryFieldIsNamed() {
        long planned = world.register(world.consultation(world.today().plusMonths(2)));
        Map<String, Object> comment = json(planned, unique("partner"), "PLANNING_COMMENT", "Please add an evening meeting.");
        assertEquals(202, send(comment, client()).status());

        Map<String, Object> bad = new HashMap<>();
        bad.put("consultationId", planned);
        bad.put("name", "x".repeat(201));
        bad.put("organisationName", "Line one\nline two");
        bad.put("email", "not-an-address");
        bad.put("kind", "COMPLAINT");
        bad.put("text", "y".repeat(5001));
        Api.Reply refused = send(bad, client());
        assertEquals(422, refused.status(), refused::toString);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"name\"", "at most 200", "\"field\":\"organisationName\"",
                "\"field\":\"email\"", "\"field\":\"kind\"", "\"field\":\"text\"", "at most 5000");

        Api.Reply unknown = send(json(987654321L, unique("x"), "OTHER", "Hello"), client());
        assertEquals(422, unknown.status(), unknown::toString);
        assertThat(unknown.body()).contains("\"field\":\"consultationId\"", "no consultation with id 987654321");
        assertEquals(404, Api.anonymous(client).send(HttpRequest.GET("/concerns/new?consultation=987654321")
                .accept(MediaType.TEXT_HTML_TYPE)).status());
    }

    @Test
    void aWithdrawnConsultationTakesNoConcernNamingTheConsultation() {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        Api.Reply withdrawn = world.officer.post("/api/consultations/" + id + "/withdraw",
                Map.of("reason", "The site was sold."));
        assertEquals(200, withdrawn.status(), withdrawn::toString);

        Api.Reply refused = send(json(id, unique("late"), "PLANNING_COMMENT", "Too late?"), client());
        assertEquals(422, refused.status(), refused::toString);
        assertThat(refused.body()).contains("\"field\":\"consultationId\"", "withdrawn");
    }

    @Test
    void theFormIsShownAgainWithAnErrorSummaryAndHoldsNothing() {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        Api.Reply form = Api.anonymous(client).send(HttpRequest.GET("/concerns/new?consultation=" + id)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(200, form.status(), form::toString);
        assertThat(form.body()).contains("New homes in Ordsall", "name=\"email\"", "value=\"PLANNING_COMMENT\"",
                "value=\"NO_NOTICE\"", "action=\"/api/public/concerns\"");

        String body = "consultationId=" + id + "&name=&email=" + enc(unique("f")) + "&kind=NO_NOTICE&text="
                + enc("<script>alert(1)</script>");
        Api.Reply again = Api.anonymous(client).send(withClient(HttpRequest.POST("/api/public/concerns", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE), client()));
        assertEquals(422, again.status(), again::toString);
        assertThat(again.body()).contains("error-summary", "Your name: must be given", "href=\"#name\"")
                .doesNotContain("<script>alert");

        String good = "consultationId=" + id + "&name=Amir&email=" + enc(unique("g")) + "&kind=OTHER&text=Hello";
        Api.Reply sent = Api.anonymous(client).send(withClient(HttpRequest.POST("/api/public/concerns", good)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE), client()));
        assertEquals(202, sent.status(), sent::toString);
        assertThat(sent.body()).contains("Check your mail");
    }

    @Test
    void oneAddressAndOneClientAreThrottled() {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String email = unique("busy");
        String net = client();
        for (int i = 0; i < 3; i++) {
            assertEquals(202, send(json(id, email, "OTHER", "Message " + i), client()).status());
        }
        Api.Reply fourth = send(json(id, email, "OTHER", "Message 4"), client());
        assertEquals(429, fourth.status(), fourth::toString);
        assertThat(fourth.contentType()).startsWith("application/problem+json");

        for (int i = 0; i < 10; i++) {
            assertEquals(202, send(json(id, unique("n" + i), "OTHER", "From one network " + i), net).status());
        }
        assertEquals(429, send(json(id, unique("n11"), "OTHER", "One too many"), net).status());
    }

    @Test
    void anUnansweredConcernRemindsTheOfficerAt7DaysThenTheComplianceContactAt14AndWeekly() throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String email = unique("chased");
        assertEquals(202, send(json(id, email, "NO_FEEDBACK", "Still nothing."), client()).status());
        advance(0, 1);
        confirm(token(mailTo(email, "Please confirm your concern")));
        long concernId = ((Number) concerns(id).get(0).get("id")).longValue();

        advanceAndDeliver(6);
        assertThat(chases(concernId, 1)).as("nothing before 7 days").isEmpty();
        String ran = advanceAndDeliver(1);
        assertThat(chases(concernId, 1)).as("a reminder at 7 days (the due work that ran: %s)", ran).hasSize(1);
        advanceAndDeliver(1);
        assertThat(chases(concernId, 2)).as("each message once, however often the chase runs").hasSize(1);
        assertThat(recipientsOfChase(concernId)).noneMatch(r -> r.startsWith("compact"));
        advanceAndDeliver(6);
        assertThat(chases(concernId, 2)).as("at 14 days").hasSize(2);
        assertThat(recipientsOfChase(concernId)).anyMatch(r -> r.startsWith("compact"));
        advanceAndDeliver(7);
        assertThat(chases(concernId, 3)).as("weekly after").hasSize(3);

        assertEquals(200, world.officer.post("/api/consultations/" + id + "/concerns/" + concernId + "/answer",
                Map.of("answer", "Feedback is out.")).status());
        advanceAndDeliver(7);
        assertThat(chases(concernId, 4)).as("answered: chased no more").hasSize(3);
    }

    @Test
    void anUnconfirmedConcernLapsesAfter7Days() throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String email = unique("lapsed");
        assertEquals(202, send(json(id, email, "OTHER", "Never confirmed."), client()).status());
        advance(0, 1);
        String t = token(mailTo(email, "Please confirm your concern"));
        advance(8, 0);
        Api.Reply late = confirm(t);
        assertEquals(403, late.status(), late::toString);
        assertThat(concerns(id)).isEmpty();
    }

    // ---- helpers

    private Map<String, Object> json(long consultationId, String email, String kind, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("consultationId", consultationId);
        body.put("name", "Rosa Smith");
        body.put("organisationName", "Irlam Travellers' Group");
        body.put("email", email);
        body.put("kind", kind);
        body.put("text", text);
        return body;
    }

    private Api.Reply send(Map<String, Object> body, String clientAddress) {
        return Api.anonymous(client).send(withClient(HttpRequest.POST("/api/public/concerns", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), clientAddress));
    }

    private static MutableHttpRequest<?> withClient(MutableHttpRequest<?> request, String clientAddress) {
        return request.header("X-Forwarded-For", clientAddress);
    }

    private Api.Reply confirm(String token) {
        return Api.anonymous(client).send(HttpRequest.POST("/o/concern/confirm?t=" + token, "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    private static String token(MimeMessage m) throws Exception {
        Matcher t = CONFIRM.matcher(MailParts.text(m));
        assertThat(t.find()).isTrue();
        return t.group(1);
    }

    private static String client() {
        return "10.9." + (CLIENTS.incrementAndGet() / 250) + "." + (CLIENTS.get() % 250 + 1);
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private List<Map<String, Object>> concerns(long consultationId) {
        Api.Reply reply = world.officer.get("/api/consultations/" + consultationId + "/concerns");
        assertEquals(200, reply.status(), reply::toString);
        return reply.list();
    }

    private static MimeMessage mailTo(String address, String subjectStart) throws Exception {
        return mailTo(address, subjectStart, "");
    }

    /** The mail, waiting up to 10 seconds for it (the relay also runs at once after a commit, on its own thread). */
    private static MimeMessage mailTo(String address, String subjectStart, String containing) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        MimeMessage found = find(address, subjectStart, containing);
        while (found == null && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            found = find(address, subjectStart, containing);
        }
        if (found == null) {
            throw new AssertionError("no mail \"" + subjectStart + "\" to " + address);
        }
        return found;
    }

    private static MimeMessage find(String address, String subjectStart, String containing) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith(subjectStart) && m.getAllRecipients()[0].toString().equalsIgnoreCase(address)
                    && MailParts.text(m).contains(containing)) {
                return m;
            }
        }
        return null;
    }

    private static List<String> recipientsOf(String subject, String containing) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().equals(subject) && MailParts.text(m).contains(containing)) {
                to.add(m.getAllRecipients()[0].toString());
            }
        }
        return to;
    }

    /**
     * The distinct chase messages sent about the concern, once the mail has settled: the relay runs at once after a
     * commit that queued mail, so a message may arrive a moment after the clock moved. Waits up to 10 seconds for
     * {@code expected} and then a little longer, so that one too many would show.
     */
    private static List<String> chases(long concernId, int expected) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (chases(concernId).size() < expected && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        return chases(concernId);
    }

    /** The distinct chase messages (one per step) sent about the concern, whoever they went to. */
    private static List<String> chases(long concernId) throws Exception {
        List<String> steps = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String text = MailParts.text(m);
            if (m.getSubject().contains("days: New homes in Ordsall")
                    && text.contains("The concern with reference " + concernId + " ") && !steps.contains(m.getSubject())) {
                steps.add(m.getSubject());
            }
        }
        return steps;
    }

    private static List<String> recipientsOfChase(long concernId) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains("days: New homes in Ordsall")
                    && MailParts.text(m).contains("The concern with reference " + concernId + " ")) {
                to.add(m.getAllRecipients()[0].toString());
            }
        }
        return to;
    }

    /**
     * Moves the sim clock {@code days} on, then one more minute, so that mail the due work queued (a chase's reminder)
     * is delivered by the relay's next run, as it is within a minute in service.
     */
    private String advanceAndDeliver(int days) {
        String ran = advance(days, 0);
        advance(0, 1);
        return ran;
    }

    private String advance(int days, int minutes) {
        Instant now = Instant.parse((String) world.admin.get("/api/sim/clock").at("now"));
        Instant target = now.atZone(World.LONDON).plusDays(days).plusMinutes(minutes).toInstant();
        Api.Reply reply = world.admin.put("/api/sim/clock", Map.of("now", target.toString()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
