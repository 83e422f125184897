package org.compact.tracker.browser;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pages' security without a browser: the session cookie's attributes, CSRF refusals, the headers of every page,
 * redirects of a browser that is not signed in, and messages that tell nothing of which users exist.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesSecurityIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    private PageClient browser() {
        return new PageClient(server.getURI());
    }

    private PageClient officer() {
        PageClient b = browser();
        HttpResponse<String> signedIn = b.signIn(world.officerName, officerPassword());
        assertEquals(303, signedIn.statusCode(), signedIn::body);
        return b;
    }

    private String officerPassword() {
        return "officer-password-" + world.officerName.replace("olivia", "");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictSessionCookieThatThePagesAccept() {
        PageClient b = browser();
        HttpResponse<String> signedIn = b.signIn(world.officerName, officerPassword());
        assertEquals(303, signedIn.statusCode());
        assertEquals("/dashboard", signedIn.headers().firstValue("Location").orElseThrow());
        List<String> setCookies = signedIn.headers().allValues("Set-Cookie");
        String session = setCookies.stream().filter(c -> c.startsWith("tracker_session=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/").doesNotContainIgnoringCase("Secure");
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("tracker_csrf=").containsIgnoringCase("SameSite=Strict"));

        HttpResponse<String> dashboard = b.get("/dashboard");
        assertEquals(200, dashboard.statusCode());
        assertThat(dashboard.body()).contains(world.officerName);
        assertEquals(200, b.send(HttpRequest.newBuilder(server.getURI().resolve("/api/consultations")).GET().build()).statusCode(),
                "the cookie authenticates the API for the page's script");
    }

    @Test
    void theSessionCookieIsSecureWhenThePageCameOverTls() {
        PageClient b = browser();
        String csrf = PageClient.csrfOf(b.get("/sign-in").body());
        HttpResponse<String> signedIn = b.send(HttpRequest.newBuilder(server.getURI().resolve("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + world.officerName + "&password="
                        + officerPassword() + "&_csrf=" + csrf)).build());
        assertEquals(303, signedIn.statusCode());
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("tracker_session="))
                .singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("Secure"));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        PageClient b = officer();
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        for (String path : List.of("/sign-in", "/dashboard", "/consultations/new", "/consultations/" + id,
                "/consultations/" + id + "/edit", "/consultations/" + id + "/notify", "/consultations/999999")) {
            HttpResponse<String> page = b.get(path);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'",
                    "form-action 'self'", "base-uri 'none'").doesNotContain("unsafe-inline");
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
        assertEquals(404, b.get("/consultations/999999").statusCode());
    }

    @Test
    void aFormSentWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        PageClient b = officer();
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));

        HttpResponse<String> forged = b.post("/consultations/" + id + "/withdraw", Map.of("reason", "Forged by another site"));
        assertEquals(403, forged.statusCode());
        HttpResponse<String> wrong = b.post("/consultations/" + id + "/withdraw",
                Map.of("reason", "Forged by another site", "_csrf", "not-the-token"));
        assertEquals(403, wrong.statusCode());
        assertEquals("PLANNED", world.officer.get("/api/consultations/" + id).at("status"));

        HttpResponse<String> real = b.submit("/consultations/" + id + "/withdraw", "/consultations/" + id + "/withdraw",
                Map.of("reason", "The council dropped the plan."));
        assertEquals(303, real.statusCode(), real::body);
        assertEquals("WITHDRAWN", world.officer.get("/api/consultations/" + id).at("status"));
    }

    @Test
    void theSignInFormNeedsItsCsrfTokenToo() {
        PageClient b = browser();
        b.get("/sign-in");
        HttpResponse<String> answer = b.post("/sign-in", Map.of("username", world.officerName, "password", officerPassword()));
        assertEquals(403, answer.statusCode());
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tracker_session="));
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheSignInPage() {
        PageClient b = browser();
        HttpResponse<String> dashboard = b.get("/dashboard");
        assertEquals(303, dashboard.statusCode());
        assertThat(dashboard.headers().firstValue("Location").orElse("")).startsWith("/sign-in");
        HttpResponse<String> start = b.get("/");
        assertEquals(303, start.statusCode());
        assertEquals("/sign-in", start.headers().firstValue("Location").orElse(""));
        assertEquals(401, Api.anonymous(client).get("/dashboard").status(), "a client that is not a browser gets 401");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSamePage() {
        HttpResponse<String> wrongPassword = browser().signIn(world.officerName, "not the password");
        HttpResponse<String> unknownUser = browser().signIn("nobody-" + world.officerName, "not the password");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertThat(wrongPassword.body()).contains("The username or password is wrong, or there were too many attempts; try again later.");
        assertEquals(wrongPassword.body().replace(world.officerName, "X").replaceAll("value=\"[^\"]{20,}\"", ""),
                unknownUser.body().replace("nobody-" + world.officerName, "X").replaceAll("value=\"[^\"]{20,}\"", ""));
    }

    @Test
    void signingOutClearsTheSessionCookie() {
        // a user of its own: signing out ends every session of the user, the world's officer's API token included
        String leaver = "leaver-" + world.officerName;
        assertEquals(201, world.admin.post("/api/users", Map.of("username", leaver, "password", officerPassword(),
                "email", leaver + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER"))).status());
        PageClient b = browser();
        assertEquals(303, b.signIn(leaver, officerPassword()).statusCode());
        HttpResponse<String> out = b.submit("/dashboard", "/sign-out", Map.of());
        assertEquals(303, out.statusCode());
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("tracker_session=").containsIgnoringCase("Max-Age=0"));
        assertEquals(303, b.get("/dashboard").statusCode());
    }

    @Test
    void afterSignInTheBrowserGoesOnlyToAPageOfThisService() {
        for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "/%zz", "/a|b")) {
            PageClient b = browser();
            HttpResponse<String> signedIn = b.submit("/sign-in", "/sign-in", Map.of("username", world.officerName,
                    "password", officerPassword(), "next", next));
            assertEquals("/dashboard", signedIn.headers().firstValue("Location").orElse(""), next);
        }
        PageClient b = browser();
        HttpResponse<String> signedIn = b.submit("/sign-in", "/sign-in", Map.of("username", world.officerName,
                "password", officerPassword(), "next", "/consultations/new"));
        assertEquals("/consultations/new", signedIn.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aMonitorSeesEveryConsultationButCannotChangeAny() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        PageClient b = browser();
        assertEquals(303, b.signIn("monty" + world.officerName.replace("olivia", ""), officerPassword()).statusCode());
        HttpResponse<String> dashboard = b.get("/dashboard");
        assertEquals(200, dashboard.statusCode());
        assertThat(dashboard.body()).contains("/consultations/" + id).doesNotContain("href=\"/consultations/new\"");
        HttpResponse<String> details = b.get("/consultations/" + id);
        assertEquals(200, details.statusCode());
        assertThat(details.body()).doesNotContain("/consultations/" + id + "/notify");
        assertEquals(403, b.get("/consultations/" + id + "/notify").statusCode());
        assertEquals(403, b.submit("/dashboard", "/consultations/" + id + "/notify", Map.of()).statusCode());
        assertEquals("PLANNED", world.officer.get("/api/consultations/" + id).at("status"));
    }
}
