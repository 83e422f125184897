package org.compact.tracker.browser;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.Ports;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An organisation's side in a real browser (headless Chromium), reached only through the links of a real notice
 * (received by GreenMail): it opens the preferences link of the mail, is refused a form with a bad contact (the
 * error summary leads to the field), changes its contacts, areas, needs and opt-outs (seen through the API, and
 * honoured by the next notices: no notice of a consultation on a theme it opted out of, and a notice to its new
 * contact), sees the notice it received, replies to it, raises a concern, and reads the answer. Markup typed into
 * every text field shows as text and never runs. Each page is kept as a screenshot and checked with axe-core.
 */
@ExtendWith(BrowserInstalled.class)
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationPagesIT implements TestPropertyProvider {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int HTTP_PORT = Ports.free();
    private static final String XSS = "<script>window.__xss=1</script>";
    private static final String XSS_ATTRIBUTE = "\"><img src=x onerror=\"window.__xss=1\">";
    private static final Pattern PREFERENCES = Pattern.compile("(http://\\S+/o/preferences\\?t=[A-Za-z0-9_.-]+)");

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;
    Browser browser;

    @Override
    public Map<String, String> getProperties() {
        // the links in mail point at this very server, so the browser opens exactly what the organisation received
        return smtp.serviceProperties("micronaut.server.port", String.valueOf(HTTP_PORT),
                "tracker.public-url", "http://localhost:" + HTTP_PORT, "tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        Browser.assumeInstalled();
        world = World.create(client);
        world.moveForwardTo(LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(LONDON).toInstant());
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOrganisationChangesItsPreferencesRepliesAndRaisesAConcernThroughTheLinkInItsNotice() throws Exception {
        long tenants = world.organisationIds.get(0);
        long deafForum = world.organisationIds.get(2);
        String tenantsEmail = email(tenants);
        String tenantsName = (String) world.officer.get("/api/organisations/" + tenants).at("name");
        long first = notify("New homes in Ordsall", "housing");
        MimeMessage notice = awaitNotice(first, tenantsEmail);
        Matcher link = PREFERENCES.matcher(MailParts.text(notice));
        assertThat(link.find()).as("the notice carries the preferences link").isTrue();
        String preferences = link.group(1);
        assertThat(preferences).startsWith("http://localhost:" + HTTP_PORT + "/o/preferences?t=");

        // the organisation's page, opened from the link in its mail
        browser.go(preferences);
        assertEquals(tenantsName, browser.find("h1").getText());
        WebElement row = browser.find("#notices tr[data-consultation='" + first + "']");
        assertThat(row.getText()).contains("New homes in Ordsall", "Notice of the consultation", tenantsEmail, "No reply yet");
        browser.check("org-page");

        // a contact that is not an address is refused: the summary names it and leads to the field, nothing is saved
        browser.type("emails", tenantsEmail + "\n" + XSS + XSS_ATTRIBUTE);
        browser.type("areas", "Ordsall\n" + XSS);
        browser.click("#preferences button[type='submit']");
        assertThat(browser.find("#error-summary").getText()).contains("Contacts", XSS + XSS_ATTRIBUTE);
        browser.assertNoInjectedScript("the refused preferences");
        assertEquals(tenantsEmail + "\n" + XSS + XSS_ATTRIBUTE, browser.find("#emails").getAttribute("value"));
        browser.check("org-page-refused");
        browser.find("#error-summary a[href='#emails']").click();
        browser.waitUntil(d -> "emails".equals(browser.js("return document.activeElement.id;")), Duration.ofSeconds(5));
        assertThat(world.officer.get("/api/organisations/" + tenants).at("areas")).isEqualTo(List.of("Ordsall"));

        // the whole entry, with markup in every text field
        browser.type("emails", tenantsEmail + "\nchair@ordsall-tenants.example");
        browser.type("areas", "Ordsall\nLangworthy\n" + XSS);
        browser.type("interests", "housing\n" + XSS_ATTRIBUTE);
        browser.type("communities", "older people\n" + XSS);
        browser.tick("formats-LARGE_PRINT");
        browser.tick("formats");
        browser.type("languages", "Polish\n" + XSS_ATTRIBUTE);
        browser.type("optOut-themes", "housing\n" + XSS);
        browser.click("#preferences button[type='submit']");
        assertThat(browser.find("#saved").getText()).contains("Your changes are saved");
        browser.assertNoInjectedScript("the saved preferences");
        assertEquals("Ordsall\nLangworthy\n" + XSS, browser.find("#areas").getAttribute("value"));
        assertThat(browser.find("#changes").getText()).contains("Changed through the link sent to " + tenantsEmail,
                "Areas you work in: Ordsall \u2192 Ordsall, Langworthy, " + XSS,
                "Waiting for confirmation: asked for through the link sent to " + tenantsEmail);
        assertThat(browser.find("#waiting").getText()).contains("chair@ordsall-tenants.example");
        browser.check("org-page-saved");

        Map<String, Object> entry = world.officer.get("/api/organisations/" + tenants).json();
        assertEquals(List.of(tenantsEmail), entry.get("emails"), "a new contact is added only when it confirms");
        assertEquals(List.of("Ordsall", "Langworthy", XSS), entry.get("areas"));
        assertEquals(List.of("EASY_READ", "LARGE_PRINT"), entry.get("formats"));
        assertEquals(List.of("Polish", XSS_ATTRIBUTE), entry.get("languages"));
        assertEquals(List.of("housing", XSS), ((Map<?, ?>) entry.get("optOut")).get("themes"));
        Api.Reply asJson = Api.anonymous(client).get(preferences.substring(preferences.indexOf("/o/")));
        assertEquals(List.of("EASY_READ", "LARGE_PRINT"), asJson.at("organisation.formats"), "the same through the JSON");
        assertThat(world.monitor.get("/api/organisations/" + tenants + "/history").list().get(0))
                .containsEntry("via", "LINK").containsEntry("actor", tenantsEmail);

        // the new contact confirms from the mail sent to it, and only then is a contact
        Matcher confirm = java.util.regex.Pattern.compile("http://\\S+/o/contacts/confirm\\?t=[A-Za-z0-9_.-]+").matcher(
                MailParts.text(awaitMail("Please confirm you are a contact of " + tenantsName, "chair@ordsall-tenants.example")));
        assertThat(confirm.find()).as("the confirmation mail carries the link").isTrue();
        browser.go(confirm.group());
        assertThat(browser.find("main").getText()).contains(tenantsEmail, "chair@ordsall-tenants.example");
        browser.check("org-contacts-confirm");
        browser.click("main form button[type='submit']");
        assertEquals("Thank you: you are a contact", browser.find("h1").getText());
        browser.check("org-contacts-confirmed");
        assertEquals(List.of(tenantsEmail, "chair@ordsall-tenants.example"),
                world.officer.get("/api/organisations/" + tenants).at("emails"));
        browser.go(preferences);

        // reply to the notice from the page
        browser.click("#notices tr[data-consultation='" + first + "'] a[data-reply]");
        assertEquals("/o/reply", browser.path());
        assertThat(browser.find("main").getText()).contains("New homes in Ordsall");
        browser.check("org-reply");
        browser.tick("answer-NEEDS_FORMAT");
        browser.type("note", "Large print, please. " + XSS + XSS_ATTRIBUTE);
        browser.click("main form button[type='submit']");
        assertEquals("Thank you", browser.find("h1").getText());
        browser.assertNoInjectedScript("the reply's thank-you page");
        browser.check("org-reply-thanks");
        browser.click("main a[href^='/o/preferences']");
        row = browser.find("#notices tr[data-consultation='" + first + "']");
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".reply")).getText())
                .contains("We need an accessible format or another language", "Large print, please. " + XSS + XSS_ATTRIBUTE);
        browser.assertNoInjectedScript("the page with the reply");
        assertEquals("NEEDS_FORMAT", delivery(first, tenantsEmail).get("reply"));

        // raise a concern: an empty form is refused with the summary, then sent
        browser.click("#notices tr[data-consultation='" + first + "'] a[data-concern]");
        assertEquals("/o/concern", browser.path());
        browser.check("org-concern");
        browser.click("main form button[type='submit']");
        assertThat(browser.all("#error-summary a[href='#kind']")).isNotEmpty();
        assertThat(browser.all("#error-summary a[href='#text']")).isNotEmpty();
        browser.check("org-concern-refused");
        browser.find("#error-summary a[href='#kind']").click();
        browser.waitUntil(d -> "kind".equals(browser.js("return document.activeElement.id;")), Duration.ofSeconds(5));
        browser.tick("kind-FORMAT_UNSUITABLE");
        browser.type("text", "The meeting room had no hearing loop. " + XSS + XSS_ATTRIBUTE);
        browser.click("main form button[type='submit']");
        assertEquals("Thank you", browser.find("h1").getText());
        browser.assertNoInjectedScript("the concern's thank-you page");
        browser.check("org-concern-thanks");
        browser.click("main a[href^='/o/preferences']");
        assertThat(browser.find("#concerns").getText()).contains("New homes in Ordsall", "Open: raised today",
                "The meeting room had no hearing loop. " + XSS + XSS_ATTRIBUTE);
        browser.assertNoInjectedScript("the page with the concern");

        // the officer answers; the organisation reads the answer on its page
        Map<String, Object> concern = world.officer.get("/api/consultations/" + first + "/concerns").list().get(0);
        Api.Reply answered = world.officer.post("/api/consultations/" + first + "/concerns/"
                + ((Number) concern.get("id")).longValue() + "/answer", Map.of("answer", "We will book a room with a loop. " + XSS));
        assertEquals(200, answered.status(), answered::toString);
        browser.go(preferences);
        assertThat(browser.find("#concerns").getText()).contains("Answered on", "We will book a room with a loop. " + XSS);
        browser.assertNoInjectedScript("the page with the answer");
        browser.check("org-page-answered");

        // the next notices follow the new preferences: nothing on housing, and the new contact is told of the rest
        smtp.purgeEmailFromAllMailboxes();
        long housing = notify("More homes in Ordsall", "housing");
        long parks = notify("Ordsall parks plan", "parks");
        awaitNotice(housing, email(deafForum));
        awaitNotice(parks, "chair@ordsall-tenants.example");
        awaitNotice(parks, tenantsEmail);
        assertThat(recipientsOf(housing)).contains(email(deafForum)).doesNotContain(tenantsEmail, "chair@ordsall-tenants.example");
        browser.go(preferences);
        assertThat(browser.all("#notices tr[data-consultation='" + housing + "']")).isEmpty();
        assertThat(browser.all("#notices tr[data-consultation='" + parks + "']")).hasSize(2);
        browser.assertNoInjectedScript("the page with the later notices");
    }

    @Test
    void aContactUnsubscribesFromTheLinkInItsNoticeAndSubscribesAgainByMistakeUndone() throws Exception {
        String email = "walkers." + System.nanoTime() + "@example.org";
        Api.Reply created = world.officer.post("/api/organisations", Map.of("name", "Ordsall Walkers", "kind",
                "COMMUNITY_GROUP", "emails", List.of(email), "areas", List.of("Ordsall"), "interests", List.of("parks"),
                "communities", List.of("older people")));
        assertEquals(201, created.status(), created::toString);
        long first = notify("Ordsall towpath plan", "parks");
        MimeMessage notice = awaitNotice(first, email);
        String unsubscribe = notice.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(unsubscribe).startsWith("http://localhost:" + HTTP_PORT + "/o/unsubscribe?t=");

        // the link asks first: a mail scanner that follows it stops nothing
        browser.go(unsubscribe);
        assertEquals("Stop these emails", browser.find("h1").getText());
        assertThat(browser.find("main").getText()).contains(email);
        browser.check("org-unsubscribe");
        browser.click("main form button[type='submit']");
        assertEquals("You have unsubscribed", browser.find("h1").getText());
        browser.check("org-unsubscribed");
        smtp.purgeEmailFromAllMailboxes();
        long second = notify("Ordsall towpath lighting", "parks");
        awaitNotice(second, email(world.organisationIds.get(2)));
        assertThat(recipientsOf(second)).doesNotContain(email);

        // by mistake: the same page subscribes again, and the next notice reaches the contact
        browser.click("main form button[type='submit']");
        assertEquals("You are subscribed again", browser.find("h1").getText());
        browser.check("org-resubscribed");
        long third = notify("Ordsall towpath benches", "parks");
        awaitNotice(third, email);
    }

    @Test
    void aForgedLinkShowsAPageThatSaysSoAndNothingOfAnyOrganisation() throws Exception {
        browser.go("/o/preferences?t=bm90LmEudG9rZW4.AAAA");
        assertEquals("This link does not work", browser.find("h1").getText());
        assertThat(browser.find("main").getText()).doesNotContain("Ordsall");
        browser.check("org-link-refused");

        // the refusal leads to "Send me a new link": an address that is not one is refused, a contact's gets mail
        long youth = world.organisationIds.get(1);
        String youthEmail = email(youth);
        String youthName = (String) world.officer.get("/api/organisations/" + youth).at("name");
        browser.find("main a[href='/o/new-link']").click();
        browser.waitUntil(d -> "Send me a new link".equals(browser.find("h1").getText()), Duration.ofSeconds(5));
        browser.check("org-new-link");
        browser.type("email", "not an address " + XSS);
        browser.click("main form button[type='submit']");
        assertThat(browser.find("#error-summary a[href='#email']").getText()).startsWith("Email address:");
        browser.assertNoInjectedScript("the refused new-link form");
        browser.check("org-new-link-refused");
        browser.type("email", youthEmail);
        browser.click("main form button[type='submit']");
        browser.waitUntil(d -> "Check your email".equals(browser.find("h1").getText()), Duration.ofSeconds(5));
        assertThat(browser.find("main").getText()).contains("If this address belongs to an organisation in our directory");
        browser.check("org-new-link-sent");

        world.moveForwardTo(Instant.parse((String) world.admin.get("/api/sim/clock").at("now")).plusSeconds(60));
        MimeMessage fresh = awaitMail("A new link to your organisation's page", youthEmail);
        Matcher link = PREFERENCES.matcher(MailParts.text(fresh));
        assertThat(link.find()).as("the mail carries a fresh preferences link").isTrue();
        browser.go(link.group(1));
        assertEquals(youthName, browser.find("h1").getText());
    }

    // ---- helpers ----

    /** Registers a consultation on one theme for Ordsall, notifies it, and runs the mail relay. */
    private long notify(String title, String theme) {
        Map<String, Object> body = new HashMap<>(world.consultation(world.today().plusMonths(2)));
        body.put("title", title);
        body.put("themes", List.of(theme));
        long id = world.register(body);
        Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        world.moveForwardTo(Instant.parse((String) world.admin.get("/api/sim/clock").at("now")).plusSeconds(60));
        return id;
    }

    private MimeMessage awaitNotice(long consultationId, String to) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (subject(m).startsWith("Consultation notice") && recipient(m).equals(to)
                        && MailParts.text(m).contains("Reference: consultation " + consultationId + ".")) {
                    return m;
                }
            }
            smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no notice of consultation " + consultationId + " reached " + to);
    }

    private MimeMessage awaitMail(String subject, String to) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (subject(m).equals(subject) && recipient(m).equals(to)) {
                    return m;
                }
            }
            smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail '" + subject + "' reached " + to);
    }

    private List<String> recipientsOf(long consultationId) throws Exception {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject(m).startsWith("Consultation notice") && MailParts.text(m).contains("Reference: consultation " + consultationId + ".")) {
                to.add(recipient(m));
            }
        }
        return to;
    }

    private Map<String, Object> delivery(long consultationId, String email) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) world.officer
                .get("/api/consultations/" + consultationId + "/deliveries").at("deliveries");
        return lines.stream().filter(l -> email.equals(l.get("email"))).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).findFirst().map(Object::toString).orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private String email(long organisationId) {
        return ((List<String>) world.admin.get("/api/organisations/" + organisationId).at("emails")).get(0);
    }


}
