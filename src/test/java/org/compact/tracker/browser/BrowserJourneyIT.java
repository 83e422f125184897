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
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole chain in a real browser (headless Chromium). An officer signs in and registers a consultation: as the
 * form is filled the checklist flags the missing check for earlier work and a similar earlier consultation is
 * proposed; naming it fixes the flag. The officer sends notice through the confirmation page and sees the notices
 * arrive (GreenMail) and the progress counts. The organisation opens the reply and concern links of the mail it
 * received, replies and raises a concern; the officer sees the reply in the progress and the concern flagged, and
 * answers it (the answer is mailed). Time passes (the sim clock); the officer closes it, lists a participant and
 * gives feedback (mailed to both organisations and the participant) and marks the promised action done. The public
 * results page shows the feedback; a monitor finds the consultation counted in the compliance report and drills
 * down to it. And every text field filled with markup that tries to run a script: it shows as text and never runs.
 * Each page is kept as a screenshot under target/screenshots and checked with axe-core.
 */
@ExtendWith(BrowserInstalled.class)
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyIT implements TestPropertyProvider {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String XSS = "<script>window.__xss=1</script>";
    private static final String EARLIER_TITLE = "Homes and green space on the Ordsall riverside";
    private static final String XSS_ATTRIBUTE = "\"><img src=x onerror=\"window.__xss=1\">";

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;
    Browser browser;
    long earlier;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        Browser.assumeInstalled();
        world = World.create(client);
        world.moveForwardTo(LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(LONDON).toInstant());
        Map<String, Object> riverside = world.consultation(LocalDate.of(2026, 9, 7));
        riverside.put("title", EARLIER_TITLE);
        earlier = world.register(riverside);
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
    void anOfficerAnOrganisationThePublicAndAMonitorWalkTheWholeChain() throws Exception {
        LocalDate today = world.today();
        LocalDate opensOn = today.plusMonths(2);
        LocalDate closesOn = opensOn.plusWeeks(12);

        // An officer registers a consultation: the checklist and the similar earlier consultations are asked for as
        // the form is filled, before anything is saved.
        signIn(world.officerName);
        browser.check("dashboard");
        browser.click("a[href='/consultations/new']");
        assertEquals("/consultations/new", browser.path());
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
        // A joint consultation: the partner agency is ticked on the same form.
        browser.tick("partner-" + world.otherAgencyId);
        browser.type("howToRespond-url", "https://www.salford.example/have-your-say/ordsall-depot");
        browser.type("events", "%s 18:30-20:00 | Public meeting | Ordsall Library, Ordsall Lane | Hearing loop".formatted(opensOn.plusDays(9)));
        browser.waitUntil(d -> "PASS".equals(verdict("DURATION")) && proposed(earlier), Duration.ofSeconds(20));
        assertEquals("FAIL", verdict("PRIOR_WORK"), "the checklist, asked as the form is filled, flags the missing earlier work");
        assertThat(browser.find("#checklist").getText()).contains("Worked out from the form as typed");
        assertThat(browser.find("#similar").getText()).contains(EARLIER_TITLE).contains("theme: housing");
        assertEquals(0L, world.officer.get("/api/consultations?size=500").list().stream()
                .filter(c -> "New homes on the Ordsall depot site".equals(c.get("title"))).count(), "nothing saved yet");
        browser.check("consultation-form-new");
        browser.click("button[name='save']");

        assertThat(browser.path()).matches("/consultations/\\d+/edit");
        long id = Long.parseLong(browser.path().split("/")[2]);
        assertEquals("FAIL", verdict("PRIOR_WORK"), "the saved checklist flags the missing check for earlier work");
        assertThat(proposed(earlier)).as("the earlier consultation is proposed on the saved form too").isTrue();
        browser.check("consultation-form-saved");
        assertEquals(List.of(world.otherAgencyId), ((List<?>) world.officer.get("/api/consultations/" + id)
                .at("partnerAgencyIds")).stream().map(x -> ((Number) x).longValue()).toList(), "saved as a joint consultation");

        // Fixing what the checklist flags: the proposal is named as related earlier work, the checklist follows.
        browser.find("#similar li[data-consultation='" + earlier + "'] button").click();
        assertEquals(String.valueOf(earlier), browser.find("#priorWork-relatedIds").getAttribute("value"));
        browser.waitUntil(d -> "PASS".equals(verdict("PRIOR_WORK")), Duration.ofSeconds(20));
        browser.click("button[name='check']");
        assertEquals("PASS", verdict("PRIOR_WORK"));
        assertEquals("PASS", verdict("DURATION"));
        assertEquals(List.of(earlier), ((List<?>) world.officer.get("/api/consultations/" + id).at("priorWork.relatedIds"))
                .stream().map(x -> ((Number) x).longValue()).toList());

        // The checklist asks to check who is invited (INCLUSION): the officer records why, as an exemption.
        assertEquals("WARN", verdict("INCLUSION"));
        browser.go("/consultations/" + id + "/exemptions?rule=INCLUSION");
        assertEquals("INCLUSION", browser.js("return document.getElementById('ruleId').value;"));
        browser.check("exemptions");
        browser.type("reason", "The groups housing affects were asked in the 2026 Ordsall area survey, with these results.");
        browser.click("main form button[type='submit']");
        assertThat(browser.find("#exemptions tr[data-rule='INCLUSION']").getText()).contains("2026 Ordsall area survey");
        browser.check("exemptions-recorded");
        browser.go("/consultations/" + id);
        assertEquals("EXEMPT", verdict("INCLUSION"));

        // Notice, through the page that says who gets mail.
        browser.go("/consultations/" + id);
        browser.check("consultation-planned");
        assertThat(browser.find("main").getText()).contains("Agencies (joint)");
        browser.click("a[data-step='notify']");
        assertEquals("/consultations/" + id + "/notify", browser.path());
        assertThat(browser.find("main").getText())
                .contains("Notice will be emailed to 2 contacts of 2 organisations; 0 organisations have opted out.");
        browser.check("confirm-notify");
        browser.click("main form button[type='submit']");
        assertEquals("/consultations/" + id, browser.path());
        assertThat(browser.find(".tag").getText()).isEqualTo("Notified");

        // The notices arrive (GreenMail) and the page's progress follows the fan-out.
        assertThat(smtp.waitForIncomingEmail(20_000, 2)).as("two notices arrive").isTrue();
        List<MimeMessage> notices = received("Consultation notice");
        String tenants = email(world.organisationIds.get(0));
        assertThat(notices).extracting(BrowserJourneyIT::recipient).containsExactlyInAnyOrder(
                tenants, email(world.organisationIds.get(2)));
        browser.waitUntil(d -> d.findElement(By.id("count-SENT")).getText().equals("2"), Duration.ofSeconds(30));
        assertEquals("0", browser.find("#count-QUEUED").getText());
        browser.check("consultation-notified");

        // The organisation, not signed in, opens the links of the notice it received, replies and raises a concern.
        String mail = MailParts.text(notices.stream().filter(m -> recipient(m).equals(tenants)).findFirst().orElseThrow());
        String replyLink = linkIn(mail, "/o/reply?t=");
        String concernLink = linkIn(mail, "/o/concern?t=");
        browser.driver.manage().deleteAllCookies();
        browser.go(replyLink);
        browser.check("organisation-reply");
        choose("input[name='answer'][value='NEEDS_FORMAT']");
        fill("textarea[name='note']", "Large print for our members, please." + XSS);
        browser.click("form [type='submit']");
        assertThat(browser.find("main").getText()).contains("Thank you");
        browser.check("organisation-replied");
        browser.go(concernLink);
        browser.check("organisation-concern");
        choose("input[name='kind'][value='FORMAT_UNSUITABLE']");
        fill("textarea[name='text']", "The only meeting is in the evening, when our volunteers are at work." + XSS_ATTRIBUTE);
        browser.click("form [type='submit']");
        assertThat(browser.find("main").getText()).contains("Thank you").contains("volunteers are at work");
        browser.check("organisation-concern-raised");

        // The officer sees the reply in the progress and the concern flagged, and answers it.
        signIn(world.officerName);
        assertThat(browser.find("tr[data-consultation='" + id + "']").getText())
                .as("the concern, and the request the answer 'we need an accessible format' became").contains("2 concerns open");
        browser.go("/consultations/" + id);
        browser.assertNoInjectedScript("the consultation page with the organisation's reply and concern");
        assertEquals("1", browser.find("#count-ACKNOWLEDGED").getText());
        assertThat(browser.find("#replies").getText()).contains("Ordsall Tenants")
                .contains("We need an accessible format or another language").contains("Large print for our members");
        assertThat(browser.find("main").getText()).contains("volunteers are at work");
        browser.check("consultation-replied");
        browser.click("main a[href='/consultations/" + id + "/concerns']");
        assertEquals("/consultations/" + id + "/concerns", browser.path());
        assertThat(browser.find("main").getText()).as("the reply NEEDS_FORMAT is listed as a request")
                .contains("Large print for our members");
        String concern = browser.all("li[data-concern]").stream()
                .filter(li -> li.getText().contains("volunteers are at work")).findFirst().orElseThrow()
                .getAttribute("data-concern");
        assertThat(browser.find("li[data-concern='" + concern + "']").getText()).contains("Open for 0 days")
                .contains(XSS_ATTRIBUTE);
        browser.assertNoInjectedScript("the concerns page");
        browser.check("concerns-open");
        browser.type("answer-" + concern, "We will add a Saturday morning session at the library.");
        browser.click("li[data-concern='" + concern + "'] button[type='submit']");
        assertThat(browser.find("main").getText()).contains("The answer is recorded").contains("Saturday morning session");
        assertThat(browser.all("#answer-" + concern)).as("an answered concern has no form").isEmpty();
        browser.check("concerns-answered");
        browser.waitUntil(d -> received("Answer to your concern").size() == 1, Duration.ofSeconds(20));
        assertEquals(tenants, recipient(received("Answer to your concern").get(0)));

        // Time passes (the sim clock): it opens, and reaches its close date.
        world.moveForwardTo(opensOn.atTime(9, 0).atZone(LONDON).toInstant());
        browser.go("/consultations/" + id);
        assertThat(browser.find(".tag").getText()).isEqualTo("Open");
        world.moveForwardTo(closesOn.atTime(9, 0).atZone(LONDON).toInstant());
        browser.go("/dashboard");
        assertThat(browser.find("tr[data-consultation='" + id + "']").getText()).contains("Closes ");
        browser.check("dashboard-open");
        browser.go("/consultations/" + id);
        browser.click("a[data-step='close']");
        browser.check("confirm-close");
        browser.click("main form button[type='submit']");
        assertThat(browser.find(".tag").getText()).isEqualTo("Closed");

        // Someone who took part at the meeting is listed, to hear back.
        browser.go("/consultations/" + id + "/participants");
        browser.type("name", "Ordsall Residents Panel");
        browser.type("email", "panel@ordsall.example");
        browser.click("form[action$='/participants'] button[type='submit']");
        assertThat(browser.find("#participants").getText()).contains("panel@ordsall.example");
        browser.check("participants");

        // The officer gives feedback: an empty form is refused, naming the fields.
        browser.go("/consultations/" + id);
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
        browser.waitUntil(d -> received("Feedback:").size() == 3, Duration.ofSeconds(30));
        assertThat(received("Feedback:")).extracting(BrowserJourneyIT::recipient)
                .containsExactlyInAnyOrder(tenants, email(world.organisationIds.get(2)), "panel@ordsall.example");

        browser.go("/consultations/" + id + "/actions");
        String action = browser.find("li[data-action]").getAttribute("data-action");
        browser.type("note-" + action, "Published on the council's website.");
        browser.click("li[data-action='" + action + "'] button[type='submit']");
        assertEquals("DONE", browser.find("li[data-action='" + action + "']").getAttribute("data-state"));
        browser.check("actions-done");

        // The public results page shows the feedback, to anyone.
        browser.driver.manage().deleteAllCookies();
        browser.go("/results/" + id);
        assertThat(browser.find("body").getText()).contains("The plan now puts the homes by the park")
                .contains("Most people want the homes near the park");
        browser.check("public-results");
        browser.go("/programme");
        assertThat(browser.find("h1").getText()).isEqualTo("Consultation programme");
        browser.check("public-programme");
        browser.go("/results/999999999");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        browser.check("public-not-found");

        // A monitor sees it counted in the compliance report and drills down to it.
        signIn("monty" + n());
        browser.click("a[href='/compliance']");
        assertEquals("/compliance", browser.path());
        assertThat(browser.all("svg[role='img'] desc")).as("each chart has its values as text").isNotEmpty();
        assertThat(browser.find("#summary").getText()).contains("What to do");
        assertThat(browser.all("#trends svg[role='img']")).as("a chart per rule over the quarters").hasSize(10);
        assertThat(browser.find("main").getText()).doesNotContain("no data", "feedbackGiven", "PRIOR_WORK");
        browser.check("compliance-report");
        browser.go("/compliance?from=2020-01-01&to=2020-03-31");
        assertThat(browser.find("main").getText().split("Nothing to report", -1)).as("an empty period says so once").hasSize(2);
        assertThat(browser.all("#NOTICE")).isEmpty();
        browser.check("compliance-empty-period");
        browser.go("/consultations/999999999");
        browser.check("officer-not-found");
        browser.go("/compliance");
        browser.click("a[href^='/compliance/consultations?section=FEEDBACK&figure=given&']");
        assertEquals("/compliance/consultations", browser.path());
        assertThat(browser.find("h1").getText()).isEqualTo("Feedback given");
        assertThat(browser.all("#drill tr[data-consultation='" + id + "']")).as("the consultation is behind the figure").hasSize(1);
        browser.check("compliance-drill-down");
        browser.click("#drill tr[data-consultation='" + id + "'] a");
        assertEquals("/consultations/" + id, browser.path());
        assertThat(browser.all("a[data-step]")).as("a monitor reads, and takes no step").isEmpty();
        browser.check("monitor-consultation");
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
        browser.date("opensOn", world.today().plusMonths(2).toString());
        browser.date("closesOn", world.today().plusMonths(2).plusWeeks(12).toString());
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
        signIn(world.officerName);
    }

    private void signIn(String username) {
        browser.driver.manage().deleteAllCookies();
        browser.go("/sign-in");
        browser.check("sign-in");
        browser.type("username", username);
        browser.type("password", "officer-password-" + n());
        // the password can be shown to check a long one before sending it, and hidden again
        browser.tick("show-password");
        assertEquals("text", browser.find("#password").getAttribute("type"));
        browser.find("#show-password").click();
        assertEquals("password", browser.find("#password").getAttribute("type"));
        browser.click("main form button[type='submit']");
        assertEquals("/dashboard", browser.path());
    }

    private String n() {
        return world.officerName.replace("olivia", "");
    }

    /** The checklist's verdict on a rule, read in one go (the checklist is replaced as the form is filled). */
    private String verdict(String ruleId) {
        return (String) browser.js("var li = document.querySelector(\"#checklist li[data-rule='\" + arguments[0] + \"']\");"
                + " return li ? li.getAttribute('data-verdict') : null;", ruleId);
    }

    /** Whether the form proposes consultation {@code id} as similar earlier work. */
    private boolean proposed(long id) {
        return Boolean.TRUE.equals(browser.js("return !!document.querySelector(\"#similar li[data-consultation='\" + arguments[0] + \"']\");",
                String.valueOf(id)));
    }

    /** The path and query of the link in a mail that starts with {@code start} (mail links carry the public address). */
    private static String linkIn(String mail, String start) {
        Matcher m = Pattern.compile(Pattern.quote(start) + "[A-Za-z0-9_.\\-]+").matcher(mail);
        assertThat(m.find()).as(start + " in the mail").isTrue();
        return m.group();
    }

    private void choose(String css) {
        WebElement box = browser.find(css);
        if (!box.isSelected()) {
            box.click();
        }
    }

    private void fill(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
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



}
