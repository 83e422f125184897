package org.compact.tracker.browser;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.Ports;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A voice for anyone, in a real browser (headless Chromium): a member of a group that was never notified finds the
 * consultation on the public programme, raises a concern with no link from us (a refused form first, with its error
 * summary), confirms it through the link of the mail GreenMail received, and the officer, signed in, answers it; the
 * answer reaches the sender's mailbox. Markup typed into the form never runs. Each page is kept as a screenshot and
 * checked with axe-core, at desktop and at phone width.
 */
@ExtendWith(BrowserInstalled.class)
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicConcernPagesIT implements TestPropertyProvider {
    private static final int HTTP_PORT = Ports.free();
    private static final String XSS = "<script>window.__xss=1</script>";
    private static final Pattern CONFIRM = Pattern.compile("(http://\\S+/o/concern/confirm\\?t=[A-Za-z0-9_.-]+)");

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
        return smtp.serviceProperties("micronaut.server.port", String.valueOf(HTTP_PORT),
                "tracker.public-url", "http://localhost:" + HTTP_PORT, "tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        Browser.assumeInstalled();
        world = World.create(client);
        world.moveForwardTo(LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(World.LONDON).toInstant());
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aConcernRaisedWithoutALinkIsConfirmedByMailAnsweredAndTheAnswerReachesTheSender() throws Exception {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String sender = "rosa.smith@irlam-travellers.example";

        // the public programme invites a comment on the plan and offers a concern, for anyone
        browser.go("/programme");
        assertThat(browser.find("tr#c" + id).getText()).contains("Comment on this plan", "Raise a concern");
        browser.click("tr#c" + id + " a[href='/concerns/new?consultation=" + id + "']");
        assertEquals("/concerns/new", browser.path());
        assertThat(browser.find("h1").getText()).isEqualTo("Raise a concern or a comment");
        browser.check("public-concern-form");

        // a form sent without a name comes back as typed, the summary leading to the field; nothing is held
        browser.type("email", sender);
        browser.tick("kind");
        browser.type("text", "Nobody told our site. " + XSS);
        browser.click("main form button[type='submit']");
        assertThat(browser.find(".error-summary").getText()).contains("Your name: must be given");
        browser.assertNoInjectedScript("the refused public concern form");
        assertEquals("Nobody told our site. " + XSS, browser.find("#text").getAttribute("value"));
        browser.check("public-concern-refused");
        assertThat(received("Please confirm your concern")).isEmpty();

        browser.type("name", "Rosa Smith");
        browser.type("organisationName", "Irlam Travellers' Group");
        browser.click("main form button[type='submit']");
        assertThat(browser.find("main").getText()).contains("Check your mail", sender);
        browser.check("public-concern-check-your-mail");
        assertThat(world.officer.get("/api/consultations/" + id + "/concerns").list()).as("not yet confirmed").isEmpty();

        // the link in the mail: a page with a button (a mail scanner's GET confirms nothing), then the concern is sent
        browser.waitUntil(d -> received("Please confirm your concern").size() == 1, Duration.ofSeconds(20));
        Matcher link = CONFIRM.matcher(MailParts.text(received("Please confirm your concern").get(0)));
        assertThat(link.find()).isTrue();
        browser.go(link.group(1));
        assertThat(browser.find("main").getText()).contains("Confirm your concern", "New homes in Ordsall");
        browser.assertNoInjectedScript("the confirmation page");
        browser.check("public-concern-confirm");
        browser.click("main form button[type='submit']");
        assertThat(browser.find("main").getText()).contains("Your concern has been sent");
        browser.check("public-concern-sent");
        browser.waitUntil(d -> received("New concern: New homes in Ordsall").size() == 2, Duration.ofSeconds(20));

        // the officer answers it on the concerns page
        signIn();
        browser.go("/consultations/" + id + "/concerns");
        String concern = browser.find("li[data-concern]").getAttribute("data-concern");
        assertThat(browser.find("li[data-concern='" + concern + "']").getText()).as("no HTML kept")
                .contains("Nobody told our site. window.__xss=1").doesNotContain("<script>");
        browser.assertNoInjectedScript("the concerns page with a public concern");
        browser.check("public-concern-officer");
        browser.type("answer-" + concern, "You are right: we have added your site and sent you the notice.");
        browser.click("li[data-concern='" + concern + "'] button[type='submit']");
        assertThat(browser.find("main").getText()).contains("The answer is recorded");

        browser.waitUntil(d -> received("Answer to your concern: New homes in Ordsall").size() == 1, Duration.ofSeconds(20));
        MimeMessage answer = received("Answer to your concern: New homes in Ordsall").get(0);
        assertEquals(sender, answer.getAllRecipients()[0].toString());
        assertThat(MailParts.text(answer)).contains("Dear Rosa Smith", "we have added your site");

        // the same form at phone width
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
        try {
            browser.go("/concerns/new?consultation=" + id + "&kind=PLANNING_COMMENT");
            assertThat(browser.find("h1").getText()).isEqualTo("Comment on this plan");
            assertThat(browser.find("#kind-PLANNING_COMMENT").isSelected()).isTrue();
            Object overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth;");
            assertEquals(Boolean.FALSE, overflow, "no sideways scrolling at phone width");
            browser.check("public-concern-phone");
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
        }
    }

    private void signIn() {
        browser.driver.manage().deleteAllCookies();
        browser.go("/sign-in");
        browser.type("username", world.officerName);
        browser.type("password", "officer-password-" + world.officerName.replace("olivia", ""));
        browser.click("main form button[type='submit']");
        assertEquals("/dashboard", browser.path());
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
}
