package org.compact.tracker.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Send me a new link" on the HTTP level, over real SMTP (GreenMail): a current contact gets exactly one mail whose
 * link opens its organisation's page; an unknown address gets no mail and the very same answer page; a repeat
 * within the interval sends nothing more; bad input is refused with 422 naming the field; a POST without the CSRF
 * echo is refused; a GET changes nothing; an expired link's page leads to the form.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshLinkIT implements TestPropertyProvider {
    private static final String SUBJECT = "A new link to your organisation's page";
    private static final Pattern PREFERENCES = Pattern.compile("/o/preferences\\?t=([A-Za-z0-9_.-]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;
    java.net.http.HttpClient browser;

    @Override
    public Map<String, String> getProperties() {
        // an interval far longer than the test, so no window boundary falls between a request and its repeat
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example", "tracker.links.fresh-link-interval", "3650d",
                "tracker.links.fresh-link-per-client", "100", "tracker.links.fresh-link-per-contact-per-day", "2");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        browser = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        advance(1);
    }

    @Test
    void aContactGetsExactlyOneMailWhoseLinkOpensItsPageAndARepeatSendsNothingMore() throws Exception {
        long organisationId = world.organisationIds.get(0);
        String email = emails(organisationId).get(0);
        String name = (String) world.officer.get("/api/organisations/" + organisationId).at("name");

        HttpResponse<String> answer = ask(email.toUpperCase());
        assertEquals(200, answer.statusCode(), answer::body);
        assertThat(answer.body()).contains("If this address belongs to an organisation in our directory, we have sent it a new link.");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("unsafe-inline");
        advance(1);
        List<MimeMessage> mails = awaitFreshLinkMail(email);
        assertThat(mails).hasSize(1);

        Matcher link = PREFERENCES.matcher(MailParts.text(mails.get(0)));
        assertThat(link.find()).as("the mail carries a preferences link").isTrue();
        assertThat(MailParts.text(mails.get(0))).as("and the organisation's calendar").contains("/o/calendar.ics?t=");
        HttpResponse<String> page = get("/o/preferences?t=" + link.group(1), null);
        assertEquals(200, page.statusCode(), page::body);
        assertThat(page.body()).contains(name);

        HttpResponse<String> again = ask(email);
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(answer.body(), again.body());
        advance(1);
        Thread.sleep(1_000);
        assertThat(freshLinkMails(email)).as("a repeat within the interval sends nothing more").hasSize(1);
    }

    @Test
    void aContactIsSentAtMostItsDaysShareHoweverManyWindowsSomeoneAsksIn() throws Exception {
        String email = emails(world.organisationIds.get(1)).get(0);
        for (int ask = 0; ask < 4; ask++) {
            HttpResponse<String> answer = ask(email);
            assertEquals(200, answer.statusCode(), answer::body);
            advance((int) Duration.ofDays(3651).toMinutes()); // the next window of the (very long) interval
        }
        awaitFreshLinkMail(email);
        Thread.sleep(1_000);
        assertThat(freshLinkMails(email)).as("two a day (tracker.links.fresh-link-per-contact-per-day)").hasSize(2);
    }

    @Test
    void anUnknownAddressGetsNoMailAndTheSameAnswer() throws Exception {
        String known = emails(world.organisationIds.get(1)).get(0);
        HttpResponse<String> forKnown = ask(known);
        HttpResponse<String> forUnknown = ask("nobody-" + System.nanoTime() + "@example.org");
        assertEquals(200, forUnknown.statusCode(), forUnknown::body);
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(forKnown.body(), forUnknown.body());
        advance(1);
        assertThat(awaitFreshLinkMail(known)).as("the known contact's mail, sent the same way").hasSize(1);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertThat(m.getAllRecipients()[0].toString()).doesNotStartWith("nobody-");
        }
    }

    @Test
    void badInputIsRefusedWith422NamingTheFieldAndSendsNothing() throws Exception {
        int before = smtp.getReceivedMessages().length;
        for (String bad : List.of("", "not an email", "someone@example.org\r\nBcc: x@example.org", "a\u0007b@example.org")) {
            HttpResponse<String> refused = ask(bad);
            assertEquals(422, refused.statusCode(), bad);
            assertThat(refused.body()).contains("There is a problem", "href=\"#email\"", "id=\"email-error\"",
                    "Email address:");
        }
        advance(1);
        Thread.sleep(1_000);
        assertEquals(before, smtp.getReceivedMessages().length);
    }

    @Test
    void aPostWithoutTheCsrfEchoIsRefusedAndAGetChangesNothing() throws Exception {
        String email = emails(world.organisationIds.get(2)).get(0);
        int before = smtp.getReceivedMessages().length;

        HttpResponse<String> noCookie = post("/o/new-link", form("email", email), null);
        assertEquals(403, noCookie.statusCode(), noCookie::body);
        HttpResponse<String> form = get("/o/new-link", null);
        assertEquals(200, form.statusCode());
        String cookie = csrfCookie(form);
        HttpResponse<String> wrongEcho = post("/o/new-link", form("email", email, "_csrf", "forged"), cookie);
        assertEquals(403, wrongEcho.statusCode(), wrongEcho::body);

        HttpResponse<String> page = get("/o/new-link?email=" + enc(email), cookie);
        assertEquals(200, page.statusCode());
        assertThat(page.body()).contains("name=\"email\"", "Send me a new link");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        advance(1);
        Thread.sleep(1_000);
        assertEquals(before, smtp.getReceivedMessages().length, "neither a refused POST nor a GET sends mail");
        assertThat(freshLinkMails(email)).isEmpty();
    }

    @Test
    void theRefusalOfAnExpiredLinkLeadsToTheForm() throws Exception {
        HttpResponse<String> refused = get("/o/preferences?t=forged.token", null);
        assertEquals(403, refused.statusCode());
        assertThat(refused.body()).contains("href=\"/o/new-link\"");
    }

    /** Opens the form (for its CSRF cookie and field) and sends it with {@code email}. */
    private HttpResponse<String> ask(String email) throws Exception {
        HttpResponse<String> form = get("/o/new-link", null);
        assertEquals(200, form.statusCode(), form::body);
        Matcher token = CSRF_FIELD.matcher(form.body());
        assertThat(token.find()).as("the form carries a CSRF field").isTrue();
        return post("/o/new-link", form("email", email, "_csrf", token.group(1)), csrfCookie(form));
    }

    private static String csrfCookie(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tracker_csrf="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie set"));
    }

    private List<MimeMessage> awaitFreshLinkMail(String email) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (freshLinkMails(email).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
        return freshLinkMails(email);
    }

    private List<MimeMessage> freshLinkMails(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (SUBJECT.equals(m.getSubject()) && m.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                found.add(m);
            }
        }
        return found;
    }

    private List<String> emails(long organisationId) {
        return (List<String>) world.officer.get("/api/organisations/" + organisationId).at("emails");
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String cookie) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return out.toString();
    }

    private void advance(int minutes) {
        Instant now = Instant.parse((String) world.admin.get("/api/sim/clock").at("now"));
        Instant target = now.plus(Duration.ofMinutes(minutes));
        Map<String, Object> body = Map.of("now", target.toString());
        assertEquals(200, world.admin.put("/api/sim/clock", body).status());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
