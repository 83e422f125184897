package org.compact.tracker.browser;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI still works under its own Content-Security-Policy (its one inline script allowed by hash, no framing):
 * in a real browser it starts, reads the API description and lists the operations.
 */
@ExtendWith(BrowserInstalled.class)
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwaggerUiIT {
    @Inject
    EmbeddedServer server;

    Browser browser;

    @BeforeAll
    void setUp() {
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void rendersTheOperationsUnderItsPolicy() {
        browser.go("/swagger-ui/index.html");
        Integer operations = browser.waitUntil(d -> {
            int n = d.findElements(By.cssSelector(".opblock")).size();
            return n > 0 ? n : null;
        }, Duration.ofSeconds(30));
        assertThat(operations).isGreaterThan(10);
        assertThat(browser.find(".info .title").getText()).contains("Consultation tracker");
    }
}
