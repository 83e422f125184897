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
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A preferences link cannot hand an organisation over (over real SMTP, GreenMail): a change through a link that
 * adds contacts is held until each new address confirms from the mail sent to it, and until then the new address
 * can neither get a fresh link nor open the organisation's page; the contacts a change removes are mailed a link to
 * undo it, which puts them back and makes their own links work again; a held change nobody confirms expires and
 * never takes effect; forged, tampered, expired and wrong-purpose confirm and undo links are refused; the change
 * log shows every step, to officers (API) and on the organisation's page.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationContactsIT implements TestPropertyProvider {
    private static final Pattern CONFIRM = Pattern.compile("/o/contacts/confirm\\?t=([A-Za-z0-9_.-]+)");
    private static final Pattern UNDO = Pattern.compile("/o/contacts/undo\\?t=([A-Za-z0-9_.-]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final AtomicInteger ORGANISATIONS = new AtomicInteger();

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    LinkSigner signer;

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
    }

    @Test
    void replacingAllContactsThroughALinkChangesNothingUntilTheNewAddressConfirmsAndCanBeUndone() throws Exception {
        Org o = organisation();
        String taker = "taker" + o.n + "@elsewhere.example";

        HttpResponse<String> saved = post("/o/preferences", form("t", preferences(o, o.first), "emails", taker,
                "areas", "Ordsall", "interests", "housing", "communities", "OLDER_PEOPLE"));
        assertEquals(303, saved.statusCode(), saved::body);
        assertEquals(List.of(o.first, o.second), emails(o.id), "nothing changes before the new address confirms");
        assertEquals(200, get("/o/preferences?t=" + enc(preferences(o, o.second))).statusCode());
        assertThat(get("/o/preferences?t=" + enc(preferences(o, o.first))).body()).contains("Waiting for confirmation",
                taker);

        deliver();
        String confirm = linkIn(awaitMail(taker, "Please confirm you are a contact of " + o.name), CONFIRM);
        assertThat(fresh(taker)).as("the new address cannot ask for a fresh link before it confirms").isEmpty();
        assertEquals(403, Api.anonymous(client).get("/o/preferences?t=" + enc(preferences(o, taker))).status(),
                "nor read the organisation's mail and concerns");

        HttpResponse<String> confirmPage = get("/o/contacts/confirm?t=" + confirm);
        assertEquals(200, confirmPage.statusCode(), confirmPage::body);
        assertThat(confirmPage.body()).contains(o.first, taker, "Confirm");
        assertEquals(List.of(o.first, o.second), emails(o.id), "showing the confirmation changes nothing");
        HttpResponse<String> confirmed = post("/o/contacts/confirm?t=" + confirm, "");
        assertEquals(200, confirmed.statusCode(), confirmed::body);
        assertEquals(List.of(taker), emails(o.id));
        assertEquals(403, get("/o/preferences?t=" + enc(preferences(o, o.first))).statusCode());
        assertThat(post("/o/contacts/confirm?t=" + confirm, "").statusCode()).as("confirmed once").isEqualTo(409);

        deliver();
        MimeMessage told = awaitMail(o.second, "You are no longer a contact of " + o.name);
        assertThat(MailParts.text(told)).contains("the link to the organisation's page that we sent to " + o.first,
                "confirmed by " + taker, "Contacts before: " + o.first + ", " + o.second, "Contacts now: " + taker);
        awaitMail(o.first, "You are no longer a contact of " + o.name);
        String undo = linkIn(told, UNDO);

        assertEquals(200, get("/o/contacts/undo?t=" + undo).statusCode());
        assertEquals(List.of(taker), emails(o.id), "showing the undo page changes nothing");
        HttpResponse<String> undone = post("/o/contacts/undo?t=" + undo, "");
        assertEquals(200, undone.statusCode(), undone::body);
        assertEquals(List.of(o.first, o.second), emails(o.id), "the contacts are as they were, the taker is gone");
        assertEquals(200, get("/o/preferences?t=" + enc(preferences(o, o.first))).statusCode(), "their links work again");
        assertEquals(403, get("/o/preferences?t=" + enc(preferences(o, taker))).statusCode());
        assertThat(post("/o/contacts/undo?t=" + undo, "").statusCode()).as("undone once").isEqualTo(409);
        deliver();
        for (String address : List.of(o.first, o.second, taker)) {
            assertThat(MailParts.text(awaitMail(address, "The change to the contacts of " + o.name + " was undone")))
                    .contains("undone by " + o.second);
        }

        assertThat(history(o.id)).extracting(c -> c.get("step")).containsExactly(
                "UNDONE", "APPLIED", "CONFIRMED", "HELD", "APPLIED");
        assertThat(history(o.id).get(3)).containsEntry("actor", o.first).containsEntry("via", "LINK");
        assertThat(history(o.id).get(2)).containsEntry("actor", taker);
        assertThat(history(o.id).get(0)).containsEntry("actor", o.second);
        assertThat(get("/o/preferences?t=" + enc(preferences(o, o.first))).body()).contains(
                "Waiting for confirmation: asked for through the link sent to " + o.first, "Confirmed by " + taker,
                "Undone through the link sent to " + o.second).doesNotContain("id=\"waiting\"");
    }

    @Test
    void aHeldChangeNotConfirmedInTimeNeverTakesEffectAndANewerOneReplacesIt() throws Exception {
        Org o = organisation();
        String first = "first" + o.n + "@elsewhere.example";
        String second = "second" + o.n + "@elsewhere.example";
        Api.Reply patched = Api.anonymous(client).patch("/o/preferences?t=" + enc(preferences(o, o.first)),
                Map.of("emails", List.of(o.first, first)));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals(List.of(o.first, o.second), patched.at("organisation.emails"));
        assertThat((List<Map<String, Object>>) patched.json().get("waitingContacts")).extracting(w -> w.get("email"))
                .containsExactly(first);
        deliver();
        String replaced = linkIn(awaitMail(first, "Please confirm"), CONFIRM);

        Api.Reply newer = Api.anonymous(client).patch("/o/preferences?t=" + enc(preferences(o, o.second)),
                Map.of("emails", List.of(o.first, o.second, second), "languages", List.of("Polish")));
        assertEquals(200, newer.status(), newer::toString);
        assertEquals(List.of("Polish"), newer.at("organisation.languages"), "other fields apply at once");
        assertThat(post("/o/contacts/confirm?t=" + replaced, "").statusCode()).as("a replaced change").isEqualTo(409);
        deliver();
        String late = linkIn(awaitMail(second, "Please confirm"), CONFIRM);

        world.moveForwardTo(Instant.parse((String) world.admin.get("/api/sim/clock").at("now")).plus(Duration.ofDays(8)));
        assertThat(post("/o/contacts/confirm?t=" + late, "").statusCode()).isIn(403, 409);
        assertEquals(List.of(o.first, o.second), emails(o.id));
        assertThat(history(o.id)).extracting(c -> c.get("step")).containsExactly(
                "EXPIRED", "HELD", "SUPERSEDED", "APPLIED", "HELD", "APPLIED");
        assertThat(get("/o/preferences?t=" + enc(preferences(o, o.first))).body()).contains(
                "Expired: not confirmed in time", "Replaced by a newer change");
    }

    @Test
    void removingAContactThroughALinkTellsItAndItCanUndoItButNeverLeavesNoContact() throws Exception {
        Org o = organisation();
        HttpResponse<String> empty = post("/o/preferences", form("t", preferences(o, o.first), "emails", " "));
        assertEquals(422, empty.statusCode());

        HttpResponse<String> removed = post("/o/preferences", form("t", preferences(o, o.first), "emails", o.first,
                "areas", "Ordsall"));
        assertEquals(303, removed.statusCode(), removed::body);
        assertEquals(List.of(o.first), emails(o.id), "a removal alone is made at once");
        assertEquals(403, get("/o/preferences?t=" + enc(preferences(o, o.second))).statusCode());
        deliver();
        MimeMessage told = awaitMail(o.second, "You are no longer a contact of " + o.name);
        assertThat(MailParts.text(told)).contains("we sent to " + o.first + ".", "Contacts now: " + o.first)
                .doesNotContain("confirmed by");
        String undo = linkIn(told, UNDO);
        assertEquals(200, post("/o/contacts/undo", form("t", undo)).statusCode());
        assertEquals(List.of(o.first, o.second), emails(o.id));
        assertEquals(200, get("/o/preferences?t=" + enc(preferences(o, o.second))).statusCode());
        assertThat(history(o.id)).extracting(c -> c.get("step")).containsExactly("UNDONE", "APPLIED", "APPLIED");
    }

    @Test
    void eachNewAddressIsAddedOnlyWhenItConfirms() throws Exception {
        Org o = organisation();
        String chair = "chair" + o.n + "@elsewhere.example";
        String typo = "treasurer" + o.n + "@elsewhere.exampel";
        post("/o/preferences", form("t", preferences(o, o.first), "emails", o.first + "\n" + chair + "\n" + typo));
        deliver();
        String confirm = linkIn(awaitMail(chair, "Please confirm"), CONFIRM);
        awaitMail(typo, "Please confirm");
        assertEquals(200, post("/o/contacts/confirm", form("t", confirm)).statusCode());
        assertEquals(List.of(o.first, chair), emails(o.id), "the address that did not confirm is not added");
        deliver();
        String undo = linkIn(awaitMail(o.second, "You are no longer a contact"), UNDO);
        assertThat(get("/o/preferences?t=" + enc(preferences(o, o.first))).body()).contains(typo, "id=\"waiting\"");
        assertEquals(200, post("/o/contacts/undo", form("t", undo)).statusCode());
        assertEquals(List.of(o.first, o.second), emails(o.id));
    }

    @Test
    void aForgedTamperedExpiredOrWrongPurposeConfirmOrUndoLinkIsRefused() throws Exception {
        Org o = organisation();
        String taker = "taker" + o.n + "@elsewhere.example";
        post("/o/preferences", form("t", preferences(o, o.first), "emails", taker));
        deliver();
        String confirm = linkIn(awaitMail(taker, "Please confirm"), CONFIRM);
        long changeId = signer.verify(confirm, Links.CONFIRM_CONTACT).orElseThrow().subject();
        String tampered = confirm.substring(0, confirm.length() - 2) + (confirm.endsWith("AA") ? "BB" : "AA");
        String expired = signer.sign(Links.CONFIRM_CONTACT, changeId, taker, world.today().minusDays(1));
        String otherAddress = signer.sign(Links.CONFIRM_CONTACT, changeId, "someone@elsewhere.example", world.today().plusDays(3));
        String undoForTheTaker = signer.sign(Links.UNDO_CONTACTS, changeId, taker, world.today().plusDays(3));
        List<String> refused = new ArrayList<>(List.of("bm90LmEudG9rZW4.AAAA", tampered, expired, otherAddress,
                preferences(o, o.first), ""));
        for (String token : refused) {
            for (String path : List.of("/o/contacts/confirm", "/o/contacts/undo")) {
                assertThat(get(path + "?t=" + enc(token)).statusCode()).as("GET " + path + " " + token).isIn(400, 403);
                assertThat(post(path + "?t=" + enc(token), "").statusCode()).as("POST " + path + " " + token).isIn(400, 403);
            }
        }
        assertThat(post("/o/contacts/undo?t=" + enc(undoForTheTaker), "").statusCode()).isEqualTo(403);
        assertThat(post("/o/contacts/undo?t=" + confirm, "").statusCode()).as("a confirm link does not undo").isEqualTo(403);
        assertEquals(List.of(o.first, o.second), emails(o.id));
        assertEquals(200, post("/o/contacts/confirm?t=" + confirm, "").statusCode(), "the genuine link still works");
    }

    // ---- helpers ----

    private record Org(long id, int n, String name, String first, String second) {
    }

    private Org organisation() {
        int n = ORGANISATIONS.incrementAndGet();
        String name = "Langworthy Residents " + n + " " + System.nanoTime() % 100000;
        String first = "secretary" + n + "." + System.nanoTime() % 100000 + "@langworthy.example";
        String second = "chair" + n + "." + System.nanoTime() % 100000 + "@langworthy.example";
        Api.Reply created = world.officer.post("/api/organisations", Map.of("name", name, "kind", "COMMUNITY_GROUP",
                "emails", List.of(first, second), "areas", List.of("Ordsall"), "interests", List.of("housing"),
                "communities", List.of("OLDER_PEOPLE")));
        assertEquals(201, created.status(), created::toString);
        return new Org(created.id(), n, name, first, second);
    }

    /** The preferences token the foot of every mail to {@code email} carries (30 days). */
    private String preferences(Org o, String email) {
        return signer.sign(Links.PREFERENCES, o.id, email, world.today().plusDays(30));
    }

    /** Moves the sim clock a minute on, which runs the mail relay. */
    private void deliver() {
        world.moveForwardTo(Instant.parse((String) world.admin.get("/api/sim/clock").at("now")).plusSeconds(60));
    }

    private MimeMessage awaitMail(String to, String subjectStart) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().startsWith(subjectStart) && m.getAllRecipients()[0].toString().equalsIgnoreCase(to)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail '" + subjectStart + "' reached " + to);
    }

    private static String linkIn(MimeMessage m, Pattern link) throws Exception {
        Matcher found = link.matcher(MailParts.text(m));
        assertThat(found.find()).as("a link in " + m.getSubject()).isTrue();
        return found.group(1);
    }

    /** Asks for a fresh link for {@code email} as the form does, and returns the fresh-link mail that reached it. */
    private List<MimeMessage> fresh(String email) throws Exception {
        HttpResponse<String> form = get("/o/new-link");
        Matcher token = CSRF_FIELD.matcher(form.body());
        assertThat(token.find()).isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tracker_csrf="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> asked = browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/o/new-link"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        form("email", email, "_csrf", token.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asked.statusCode(), asked::body);
        deliver();
        Thread.sleep(1500);
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("A new link") && m.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                found.add(m);
            }
        }
        return found;
    }

    private List<String> emails(long organisationId) {
        return (List<String>) world.officer.get("/api/organisations/" + organisationId).at("emails");
    }

    private List<Map<String, Object>> history(long organisationId) {
        Api.Reply reply = world.monitor.get("/api/organisations/" + organisationId + "/history");
        assertEquals(200, reply.status(), reply::toString);
        return reply.list();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return out.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
