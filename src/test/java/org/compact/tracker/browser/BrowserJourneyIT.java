package org.compact.tracker.browser;

import org.compact.tracker.support.Ports;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An officer's journey in a real browser (headless Chromium): sign in, register a consultation, see the checklist
 * flag the missing check for earlier work, fix it, send notice through the confirmation page, see the notices arrive
 * (GreenMail) and the progress counts; time passes (the sim clock); close it and give feedback through the form.
 * And every text field filled with markup that tries to run a script: it shows as text and never runs.
 * Each page is kept as a screenshot under target/screenshots and checked with axe-core.
 */
@ExtendWith(BrowserInstalled.class)
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyIT implements TestPropertyProvider {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int SMTP_PORT = Ports.free();
    private static final String XSS = "<script>window.__xss=1</script>";
    private static final String XSS_ATTRIBUTE = "\"><img src=x onerror=\"window.__xss=1\">";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;
    Browser browser;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("tracker.mail.smtp.host", "127.0.0.1", "tracker.mail.smtp.port", String.valueOf(SMTP_PORT),
                "tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        Browser.assumeInstalled();
        world = World.create(client);
        moveTo(LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(LONDON).toInstant());
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.go("/sign-in");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void anOfficerRegistersFixesNotifiesClosesAndGivesFeedback() throws Exception {
        LocalDate today = today();
        LocalDate opensOn = today.plusMonths(2);
        LocalDate closesOn = opensOn.plusWeeks(12);

        signIn();
        browser.check("dashboard");

        browser.click("a[href='/consultations/new']");
        assertEquals("/consultations/new", browser.path());
        browser.check("consultation-form-new");
        browser.type("title", "New homes on the Ordsall depot site");
        browser.type("summary", "We plan new homes on the old depot site. Tell us where they should go and what the area needs.");
        browser.type("themes", "housing");
        browser.type("areas", "Ordsall");
        browser.tick("audiences-OLDER_PEOPLE");
        browser.tick("audiences-SENSORY_IMPAIRMENTS");
        browser.tick("methods-ONLINE_SURVEY");
        browser.tick("methods-PUBLIC_MEETING");
        browser.tick("provisions-LARGE_PRINT");
        browser.tick("provisions-PAPER_OPTION");
        browser.type("targets-areas", "Ordsall");
        browser.type("openToChange", "Where the homes go and what else the site offers");
        browser.type("fixed", "The number of homes, set by the Local Plan");
        browser.date("opensOn", opensOn.toString());
        browser.date("closesOn", closesOn.toString());
        browser.date("decisionDate", opensOn.plusMonths(6).toString());
        browser.type("decisionMaker", "Cabinet");
        browser.click("button[name='save']");

        assertThat(browser.path()).matches("/consultations/\\d+/edit");
        long id = Long.parseLong(browser.path().split("/")[2]);
        assertEquals("FAIL", verdict("PRIOR_WORK"), "the checklist flags the missing check for earlier work");
        browser.check("consultation-form-saved");

        browser.type("priorWork-statement", "Searched the register back to 2024: no earlier consultation on the depot site.");
        browser.click("button[name='check']");
        assertEquals("PASS", verdict("PRIOR_WORK"));
        assertEquals("PASS", verdict("DURATION"));

        browser.go("/consultations/" + id);
        browser.check("consultation-planned");
        browser.click("a[data-step='notify']");
        assertEquals("/consultations/" + id + "/notify", browser.path());
        assertThat(browser.find("main").getText())
                .contains("Notice will be emailed to 2 contacts of 2 organisations; 0 organisations have opted out.");
        browser.check("confirm-notify");
        browser.click("main form button[type='submit']");

        assertEquals("/consultations/" + id, browser.path());
        assertThat(browser.find(".tag").getText()).isEqualTo("Notified");
        assertThat(smtp.waitForIncomingEmail(20_000, 2)).as("two notices arrive").isTrue();
        List<MimeMessage> notices = received("Consultation notice");
        assertThat(notices).extracting(BrowserJourneyIT::recipient).containsExactlyInAnyOrder(
                email(world.organisationIds.get(0)), email(world.organisationIds.get(2)));
        browser.waitUntil(d -> d.findElement(By.id("count-SENT")).getText().equals("2"), Duration.ofSeconds(30));
        assertEquals("0", browser.find("#count-QUEUED").getText());
        browser.check("consultation-notified");

        moveTo(opensOn.atTime(9, 0).atZone(LONDON).toInstant());
        browser.go("/consultations/" + id);
        assertThat(browser.find(".tag").getText()).isEqualTo("Open");

        moveTo(closesOn.atTime(9, 0).atZone(LONDON).toInstant());
        browser.go("/dashboard");
        assertThat(browser.find("tr[data-consultation='" + id + "']").getText()).contains("Closes " );
        browser.check("dashboard-open");
        browser.go("/consultations/" + id);
        browser.click("a[data-step='close']");
        browser.check("confirm-close");
        browser.click("main form button[type='submit']");
        assertThat(browser.find(".tag").getText()).isEqualTo("Closed");

        browser.click("a[data-step='feedback']");
        assertEquals("/consultations/" + id + "/feedback", browser.path());
        browser.click("main form button[type='submit']");
        assertThat(browser.all("#error-summary a")).as("an empty form is refused, naming the fields").isNotEmpty();
        assertThat(browser.find("#error-summary").getText()).contains("FEEDBACK");
        browser.check("feedback-refused");
        browser.find("#error-summary a[href='#youSaid']").click();
        browser.waitUntil(d -> "youSaid".equals(browser.js("return document.activeElement.id;")), Duration.ofSeconds(5));
        assertEquals("youSaid", browser.js("return document.activeElement.id;"), "the summary links to the field");

        browser.type("youSaid", "Most people want the homes near the park and a community room.");
        browser.type("weDid", "The plan now puts the homes by the park and keeps a community room.");
        browser.tick("outcome");
        browser.date("decidedOn", closesOn.plusWeeks(2).toString());
        browser.type("responseCounts-ONLINE_SURVEY", "120");
        browser.type("responseCounts-PUBLIC_MEETING", "35");
        browser.type("actions-0-what", "Publish the revised site plan");
        browser.type("actions-0-owner", "Planning team");
        browser.date("actions-0-due", closesOn.plusWeeks(8).toString());
        browser.click("main form button[type='submit']");

        assertEquals("/consultations/" + id, browser.path());
        assertThat(browser.find(".tag").getText()).isEqualTo("Feedback given");
        assertThat(browser.find("main").getText()).contains("The plan now puts the homes by the park");
        browser.check("consultation-feedback-given");
        assertEquals("FEEDBACK_GIVEN", world.officer.get("/api/consultations/" + id).at("status"));
    }

    @Test
    void markupTypedIntoEveryTextFieldShowsAsTextAndNeverRuns() throws Exception {
        signIn();
        browser.go("/consultations/new");
        for (String field : List.of("title", "summary", "themes", "areas", "otherAudiences", "languages", "venues",
                "targets-areas", "targets-interests", "targets-communities", "openToChange", "fixed", "decisionMaker",
                "priorWork-statement", "leadOfficer", "priorWork-relatedIds")) {
            browser.type(field, XSS + XSS_ATTRIBUTE);
        }
        browser.date("opensOn", today().plusMonths(2).toString());
        browser.date("closesOn", today().plusMonths(2).plusWeeks(12).toString());
        browser.click("button[name='save']");
        assertThat(browser.all("#error-summary")).as("the lead officer and earlier ids are refused").isNotEmpty();
        browser.assertNoInjectedScript("the refused form");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo(XSS + XSS_ATTRIBUTE);
        browser.check("xss-refused-form");

        browser.type("leadOfficer", world.officerName);
        browser.type("priorWork-relatedIds", "");
        browser.click("button[name='save']");
        assertThat(browser.path()).matches("/consultations/\\d+/edit");
        long id = Long.parseLong(browser.path().split("/")[2]);
        browser.assertNoInjectedScript("the saved form");
        assertThat(browser.find("#summary").getAttribute("value")).isEqualTo(XSS + XSS_ATTRIBUTE);

        browser.go("/consultations/" + id);
        browser.assertNoInjectedScript("the consultation page");
        assertThat(browser.find("h1").getText()).isEqualTo(XSS + XSS_ATTRIBUTE);
        browser.check("xss-consultation");
        browser.go("/dashboard");
        browser.assertNoInjectedScript("the dashboard");
        browser.go("/consultations/" + id + "/notify");
        browser.assertNoInjectedScript("the notify confirmation");

        browser.go("/consultations/" + id + "/withdraw");
        browser.assertNoInjectedScript("the withdraw confirmation");
        browser.type("reason", XSS + XSS_ATTRIBUTE);
        browser.click("main form button[type='submit']");
        assertThat(browser.find(".tag").getText()).isEqualTo("Withdrawn");
        browser.assertNoInjectedScript("the withdrawn consultation");
        assertThat(browser.find("main").getText()).contains(XSS);

        browser.go("/programme");
        browser.assertNoInjectedScript("the public programme");
        browser.go("/results/" + id);
        browser.assertNoInjectedScript("the results page");
    }

    private void signIn() {
        browser.go("/sign-in");
        browser.check("sign-in");
        browser.type("username", world.officerName);
        browser.type("password", "officer-password-" + world.officerName.replace("olivia", ""));
        browser.click("main form button[type='submit']");
        assertEquals("/dashboard", browser.path());
    }

    private String verdict(String ruleId) {
        return browser.find("#checklist li[data-rule='" + ruleId + "']").getAttribute("data-verdict");
    }

    private List<MimeMessage> received(String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().startsWith(subjectStart);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private String email(long organisationId) {
        return ((List<String>) world.admin.get("/api/organisations/" + organisationId).at("emails")).get(0);
    }

    private LocalDate today() {
        String now = (String) world.admin.get("/api/sim/clock").at("now");
        return Instant.parse(now).atZone(LONDON).toLocalDate();
    }

    private void moveTo(Instant target) {
        Instant current = Instant.parse((String) world.admin.get("/api/sim/clock").at("now"));
        Instant to = target.isAfter(current) ? target : current.plusSeconds(60);
        Api.Reply reply = world.admin.put("/api/sim/clock", Map.of("now", to.toString()));
        assertEquals(200, reply.status(), reply::toString);
    }

}
