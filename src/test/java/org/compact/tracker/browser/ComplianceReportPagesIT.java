package org.compact.tracker.browser;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.compact.tracker.support.Ports;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The annual Compact monitoring report and the public compliance page in a real browser: a monitor signs in and opens
 * the annual report of a year with one consultation whose title holds markup (which never runs), and anyone opens the
 * public page; each checked with axe-core at desktop and at phone width, without sideways scrolling on the phone.
 */
@ExtendWith(BrowserInstalled.class)
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportPagesIT implements TestPropertyProvider {
    private static final int HTTP_PORT = Ports.free();
    private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=window.__xss=1>";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;
    Browser browser;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.server.port", String.valueOf(HTTP_PORT), "tracker.public-url",
                "http://localhost:" + HTTP_PORT, "tracker.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        Browser.assumeInstalled();
        world = World.create(client);
        world.moveTo(LocalDate.of(2030, 1, 6));
        Map<String, Object> body = world.consultation(LocalDate.of(2030, 3, 3));
        body.put("title", "Bus routes " + XSS);
        long id = world.register(body);
        assertEquals(200, world.notify(id).status());
        world.moveTo(LocalDate.of(2030, 3, 3));
        world.moveTo(LocalDate.of(2030, 5, 27));
        world.moveTo(LocalDate.of(2030, 9, 1));
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMonitorReadsTheAnnualReportAndAnyoneThePublicPageAtDesktopAndPhoneWidth() {
        String n = world.officerName.replace("olivia", "");
        browser.driver.manage().deleteAllCookies();
        browser.go("/sign-in");
        browser.type("username", "monty" + n);
        browser.type("password", "officer-password-" + n);
        browser.click("main form button[type='submit']");
        assertEquals("/dashboard", browser.path());

        for (Dimension size : new Dimension[] {new Dimension(1280, 2400), new Dimension(375, 800)}) {
            browser.driver.manage().window().setSize(size);
            String width = size.getWidth() < 600 ? "phone" : "desktop";
            browser.go("/compliance/annual?year=2030&agency=" + world.agencyId);
            assertThat(browser.find("h1").getText()).isEqualTo("Annual Compact monitoring report 2030: Salford City "
                    + "Council " + n);
            assertThat(browser.find("#annual-report").getText()).contains("Bus routes " + XSS, "Twelve weeks to respond",
                    "Closed, awaiting feedback");
            assertThat(browser.find("#annual-pdf").getAttribute("href")).endsWith("/compliance/annual.pdf?year=2030&agency="
                    + world.agencyId);
            browser.assertNoInjectedScript("the annual report");
            browser.check("annual-report-" + width);

            browser.go("/compliance/public?from=2030-01-01&to=2030-12-31");
            assertThat(browser.find("h1").getText()).isEqualTo("How the Compact's promises were kept");
            assertThat(browser.find("#awaiting-feedback").getText()).contains("Bus routes " + XSS);
            browser.assertNoInjectedScript("the public compliance page");
            browser.check("compliance-public-" + width);
            if (width.equals("phone")) {
                assertEquals(Boolean.FALSE, browser.js("return document.documentElement.scrollWidth > window.innerWidth;"),
                        "no sideways scrolling at phone width");
            }
        }
        browser.driver.manage().window().setSize(new Dimension(1280, 2400));
    }
}
