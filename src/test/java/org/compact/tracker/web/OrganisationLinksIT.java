package org.compact.tracker.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.Links;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.support.Api;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The organisation's own page behind the preferences link of its mail (over real SMTP, GreenMail), on the HTTP
 * level: a browser gets the page and an API client the JSON; a forged, tampered, expired, wrong-purpose or
 * stale-contact link is refused and shows nothing of the organisation; a form that cannot be accepted comes back
 * with an error summary linked to its fields (422) and writes nothing; every change, by the page, the JSON or an
 * officer, is in the organisation's change log; the reply and concern forms answer 422 pages too.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationLinksIT implements TestPropertyProvider {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern PREFERENCES = Pattern.compile("/o/preferences\\?t=([A-Za-z0-9_.-]+)");
    private static final Pattern REPLY = Pattern.compile("/o/reply\\?t=([A-Za-z0-9_.-]+)");

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    LinkSigner signer;

    @Inject
    NoticeService notices;

    World world;
    java.net.http.HttpClient browser;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        browser = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        advance(0, 1);
    }

    @Test
    void theLinkOpensThePageForABrowserAndAnswersJsonToAnApiClient() throws Exception {
        Notified n = notified(0);

        HttpResponse<String> page = get("/o/preferences?t=" + n.preferences);
        assertEquals(200, page.statusCode(), page::body);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).contains(n.name, "name=\"emails\"", "id=\"formats\"", "id=\"optOut-themes\"",
                "New homes in Ordsall", "Notice of the consultation", "/o/reply?t=", "/o/concern?t=");

        Api.Reply json = Api.anonymous(client).get("/o/preferences?t=" + n.preferences);
        assertEquals(200, json.status(), json::toString);
        assertThat(json.contentType()).startsWith("application/json");
        assertEquals(n.name, json.at("organisation.name"));
        List<Map<String, Object>> received = (List<Map<String, Object>>) json.json().get("received");
        assertThat(received).anySatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("NOTICE");
            assertThat(r.get("consultationTitle")).isEqualTo("New homes in Ordsall");
            assertThat(r.get("status")).isEqualTo("SENT");
        });
    }

    @Test
    void aForgedTamperedExpiredOrWrongPurposeLinkIsRefusedAndShowsNothing() throws Exception {
        Notified n = notified(0);
        List<String> emailsBefore = emails(n.organisationId);
        int changesBefore = history(n.organisationId).size();
        String tampered = n.preferences.substring(0, n.preferences.length() - 2)
                + (n.preferences.endsWith("AA") ? "BB" : "AA");
        String expired = signer.sign(Links.PREFERENCES, n.organisationId, n.email, world.today().minusDays(1));
        String otherPurpose = n.reply;
        String notAContact = signer.sign(Links.PREFERENCES, n.organisationId, "someone.else@example.org", world.today().plusDays(5));
        for (String token : List.of("bm90LmEudG9rZW4.AAAA", tampered, expired, otherPurpose, notAContact, "")) {
            HttpResponse<String> page = get("/o/preferences?t=" + enc(token));
            assertThat(page.statusCode()).as("page for " + token).isIn(400, 403);
            assertThat(page.body()).doesNotContain(n.name).doesNotContain(n.email).doesNotContain("New homes");

            Api.Reply json = Api.anonymous(client).get("/o/preferences?t=" + enc(token));
            assertThat(json.status()).isIn(400, 403);
            assertThat(json.body()).doesNotContain(n.name).doesNotContain(n.email);

            HttpResponse<String> posted = post("/o/preferences", form("t", token, "emails", "taken@example.org"));
            assertThat(posted.statusCode()).as("post with " + token).isEqualTo(403);
            assertThat(posted.body()).doesNotContain(n.name);

            Api.Reply patched = Api.anonymous(client).patch("/o/preferences?t=" + enc(token),
                    Map.of("emails", List.of("taken@example.org")));
            assertThat(patched.status()).isIn(400, 403);
        }
        HttpResponse<String> forgedPage = get("/o/preferences?t=" + enc(tampered));
        assertThat(forgedPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(forgedPage.body()).contains("This link does not work");
        assertEquals(emailsBefore, emails(n.organisationId));
        assertThat(history(n.organisationId)).hasSize(changesBefore);
    }

    @Test
    void anInvalidFormComesBackWithTheErrorsLinkedToTheFieldsAndWritesNothing() throws Exception {
        Notified n = notified(2);
        Map<String, Object> before = world.officer.get("/api/organisations/" + n.organisationId).json();
        int changesBefore = history(n.organisationId).size();

        HttpResponse<String> refused = post("/o/preferences", form("t", n.preferences,
                "emails", n.email + "\nnot-an-address", "areas", "Ordsall\nLangworthy", "interests", "x".repeat(101),
                "formats", "TELEPATHY", "languages", "Polish", "optOut.themes", "<b>transport</b>"));

        assertEquals(422, refused.statusCode(), refused::body);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("There is a problem", "href=\"#emails\"", "href=\"#interests\"",
                "href=\"#formats\"", "not-an-address", "Langworthy", "&lt;b&gt;transport&lt;/b&gt;")
                .doesNotContain("<b>transport");
        Map<String, Object> after = world.officer.get("/api/organisations/" + n.organisationId).json();
        assertEquals(before, after, "nothing was written");
        assertThat(history(n.organisationId)).hasSize(changesBefore);

        HttpResponse<String> noContact = post("/o/preferences", form("t", n.preferences, "emails", " ",
                "areas", "Ordsall"));
        assertEquals(422, noContact.statusCode());
        assertThat(noContact.body()).contains("href=\"#emails\"", "at least one contact email");
        HttpResponse<String> control = post("/o/preferences", form("t", n.preferences, "emails", n.email,
                "areas", "Ord\u0000sall"));
        assertEquals(422, control.statusCode());
        assertThat(control.body()).contains("href=\"#areas\"", "control characters");
        assertEquals(before, world.officer.get("/api/organisations/" + n.organisationId).json());
    }

    @Test
    void changesThroughThePageTheJsonAndTheApiAreAllInTheChangeLog() throws Exception {
        Notified n = notified(0);

        HttpResponse<String> saved = post("/o/preferences", form("t", n.preferences, "emails", n.email
                        + "\nchair@ordsall.example", "areas", "Ordsall\nLangworthy", "interests", "housing",
                "communities", "older people", "formats", "LARGE_PRINT", "formats", "EASY_READ", "languages", "Polish",
                "optOut.themes", "transport"));
        assertEquals(303, saved.statusCode(), saved::body);
        assertThat(saved.headers().firstValue("Location").orElse("")).startsWith("/o/preferences?t=").endsWith("&saved=1");
        assertThat(get(saved.headers().firstValue("Location").orElseThrow()).body()).contains("Your changes are saved");

        Map<String, Object> entry = world.officer.get("/api/organisations/" + n.organisationId).json();
        assertEquals(List.of(n.email), entry.get("emails"), "a new contact waits until it confirms (OrganisationContactsIT)");
        assertEquals(List.of("Ordsall", "Langworthy"), entry.get("areas"));
        assertEquals(List.of("LARGE_PRINT", "EASY_READ"), entry.get("formats"));
        assertEquals(List.of("Polish"), entry.get("languages"));
        assertEquals(List.of("transport"), ((Map<?, ?>) entry.get("optOut")).get("themes"));

        Api.Reply patched = Api.anonymous(client).patch("/o/preferences?t=" + n.preferences,
                Map.of("languages", List.of("Polish", "Arabic"), "name", "Renamed by the link"));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals(n.name, patched.at("organisation.name"), "the link cannot rename the organisation");
        Api.Reply byOfficer = world.officer.patch("/api/organisations/" + n.organisationId, Map.of("interests", List.of("housing", "planning")));
        assertEquals(200, byOfficer.status(), byOfficer::toString);
        Api.Reply unchanged = world.officer.patch("/api/organisations/" + n.organisationId, Map.of("interests", List.of("housing", "planning")));
        assertEquals(entry.get("version") instanceof Number v ? v.longValue() + 2 : -1, ((Number) unchanged.at("version")).longValue(),
                "a change that changes nothing is not a change");

        List<Map<String, Object>> log = history(n.organisationId);
        assertThat(log).hasSize(5);
        assertThat(log.get(0)).containsEntry("via", "API").containsEntry("actor", world.officerName)
                .containsEntry("step", "APPLIED");
        assertThat((List<String>) log.get(0).get("changes")).containsExactly("interests: housing \u2192 housing, planning");
        assertThat(log.get(1)).containsEntry("via", "LINK").containsEntry("actor", n.email);
        assertThat((List<String>) log.get(1).get("changes")).containsExactly("languages: Polish \u2192 Polish, Arabic");
        assertThat(log.get(2)).containsEntry("via", "LINK").containsEntry("actor", n.email).containsEntry("step", "HELD");
        assertThat((List<String>) log.get(2).get("changes")).startsWith(
                "emails: " + n.email + " \u2192 " + n.email + ", chair@ordsall.example");
        assertThat(log.get(3)).containsEntry("via", "LINK").containsEntry("actor", n.email).containsEntry("step", "APPLIED");
        assertThat((List<String>) log.get(3).get("changes")).contains(
                "areas: Ordsall \u2192 Ordsall, Langworthy", "formats: (none) \u2192 LARGE_PRINT, EASY_READ",
                "optOut.themes: (none) \u2192 transport");
        assertThat((List<String>) log.get(4).get("changes")).containsExactly("created");
        assertEquals(200, world.otherOfficer.get("/api/organisations/" + n.organisationId + "/history").status(),
                "the log is read by officers of every agency, like the shared directory");
        assertEquals(401, Api.anonymous(client).get("/api/organisations/" + n.organisationId + "/history").status());

        assertThat(get("/o/preferences?t=" + n.preferences).body()).contains("Changed through the link sent to " + n.email,
                "Languages you need: Polish \u2192 Polish, Arabic");
    }

    @Test
    void aContactWhoRemovesTheirOwnAddressIsToldTheLinkNoLongerWorks() throws Exception {
        Notified n = notified(2);
        Api.Reply second = world.officer.patch("/api/organisations/" + n.organisationId,
                Map.of("emails", List.of(n.email, "new.secretary@deaf.example")));
        assertEquals(200, second.status(), second::toString);
        HttpResponse<String> saved = post("/o/preferences", form("t", n.preferences, "emails", "new.secretary@deaf.example",
                "areas", "Ordsall", "interests", "health", "communities", "SENSORY_IMPAIRMENTS"));
        assertEquals(200, saved.statusCode(), saved::body);
        assertThat(saved.body()).contains("no longer one of its contacts");
        assertEquals(403, get("/o/preferences?t=" + n.preferences).statusCode());
        assertEquals(403, Api.anonymous(client).get("/o/preferences?t=" + n.preferences).status());
    }

    @Test
    void theReplyAndConcernFormsAnswer422WithTheErrorSummaryAndTheWayBack() throws Exception {
        Notified n = notified(0);

        HttpResponse<String> noAnswer = post("/o/reply", form("t", n.reply, "note", "<i>hello</i>", "back", n.preferences));
        assertEquals(422, noAnswer.statusCode(), noAnswer::body);
        assertThat(noAnswer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(noAnswer.body()).contains("There is a problem", "href=\"#answer\"", "&lt;i&gt;hello&lt;/i&gt;",
                "Back to your organisation", "name=\"back\"");
        HttpResponse<String> longNote = post("/o/reply", form("t", n.reply, "answer", "NOT_THIS_TIME", "note", "x".repeat(2001)));
        assertEquals(422, longNote.statusCode());
        assertThat(longNote.body()).contains("href=\"#note\"");
        HttpResponse<String> controlNote = post("/o/reply", form("t", n.reply, "answer", "TAKING_PART", "note", "Bell\u0007"));
        assertEquals(422, controlNote.statusCode());
        assertThat(controlNote.body()).contains("href=\"#note\"", "control characters");
        assertThat(deliveryReply(n)).isNull();

        HttpResponse<String> concern = post("/o/concern", form("t", n.reply, "kind", "", "text", ""));
        assertEquals(422, concern.statusCode(), concern::body);
        assertThat(concern.body()).contains("There is a problem", "href=\"#kind\"", "href=\"#text\"");
        assertThat(world.officer.get("/api/consultations/" + n.consultationId + "/concerns").list()).isEmpty();

        String otherOrganisation = signer.sign(Links.PREFERENCES, n.organisationId + 1, n.email, world.today().plusDays(5));
        assertThat(get("/o/reply?t=" + n.reply + "&back=" + enc(otherOrganisation)).body())
                .as("a way back only to the same organisation's page").doesNotContain("Back to your organisation");
        assertThat(get("/o/reply?t=" + n.reply + "&back=" + enc(n.preferences)).body()).contains("Back to your organisation");

        HttpResponse<String> answered = post("/o/reply", form("t", n.reply, "answer", "NEEDS_FORMAT", "note", "Large print",
                "back", n.preferences));
        assertEquals(200, answered.statusCode(), answered::body);
        assertEquals("NEEDS_FORMAT", deliveryReply(n));
    }

    @Test
    void theReplyLinksOfThePageActForTheOrganisationOnlyAndNoLongerThanItsLink() throws Exception {
        Notified n = notified(0);
        Notified other = notified(2, n.consultationId);
        LinkSigner.Link link = notices.preferencesLink(n.preferences);
        var mine = notices.receivedBy(n.organisationId).get(0);
        var theirs = notices.receivedBy(other.organisationId).get(0);

        String minted = notices.replyToken(link, mine);
        assertThat(signer.verify(minted, Links.REPLY).orElseThrow().expires()).isEqualTo(link.expires());
        org.junit.jupiter.api.Assertions.assertThrows(org.compact.tracker.support.Refusal.class,
                () -> notices.replyToken(link, theirs));
    }

    // ---- helpers ----

    private record Notified(long consultationId, long organisationId, String name, String email, String preferences,
                            String reply) {
    }

    /** A new consultation notified by mail, and the links in the notice to the {@code index}-th organisation of the world. */
    private Notified notified(int index) throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        advance(0, 1);
        return notified(index, id);
    }

    private Notified notified(int index, long consultationId) throws Exception {
        long organisationId = world.organisationIds.get(index);
        Map<String, Object> o = world.officer.get("/api/organisations/" + organisationId).json();
        String email = ((List<String>) o.get("emails")).get(0);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Consultation notice") && m.getAllRecipients()[0].toString().equals(email)
                    && MailParts.text(m).contains("consultation " + consultationId + ".")) {
                String text = MailParts.text(m);
                Matcher p = PREFERENCES.matcher(text);
                Matcher r = REPLY.matcher(text);
                if (p.find() && r.find()) {
                    return new Notified(consultationId, organisationId, (String) o.get("name"), email, p.group(1), r.group(1));
                }
            }
        }
        throw new AssertionError("no notice of consultation " + consultationId + " reached " + email);
    }

    private String deliveryReply(Notified n) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) world.officer
                .get("/api/consultations/" + n.consultationId + "/deliveries").at("deliveries");
        return (String) lines.stream().filter(l -> n.email.equals(l.get("email"))).findFirst().orElseThrow().get("reply");
    }

    private List<String> emails(long organisationId) {
        return (List<String>) world.officer.get("/api/organisations/" + organisationId).at("emails");
    }

    private List<Map<String, Object>> history(long organisationId) {
        Api.Reply reply = world.monitor.get("/api/organisations/" + organisationId + "/history");
        assertEquals(200, reply.status(), reply::toString);
        return reply.list();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form body from name, value pairs (a name may repeat, as tick boxes send it). */
    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return out.toString();
    }

    private void advance(int days, int minutes) {
        Instant now = Instant.parse((String) world.admin.get("/api/sim/clock").at("now"));
        Instant target = now.atZone(LONDON).plusDays(days).plusMinutes(minutes).toInstant();
        Api.Reply reply = world.admin.put("/api/sim/clock", Map.of("now", target.toString()));
        assertEquals(200, reply.status(), reply::toString);
    }


    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
