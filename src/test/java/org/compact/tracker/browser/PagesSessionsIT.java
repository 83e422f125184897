package org.compact.tracker.browser;

import io.micronaut.context.annotation.Property;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pages' session ends at sign-out, not just its cookie: a copy of the cookie taken before no longer opens a page.
 * The cookie lasts as long as a token ({@code TRACKER_TOKEN_EXPIRATION_SECONDS}). Plain HTTP, no browser needed.
 */
@MicronautTest(transactional = false)
@Property(name = "TRACKER_TOKEN_EXPIRATION_SECONDS", value = "1234")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesSessionsIT {
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

    @Test
    void theSessionCookieLastsAsLongAsATokenSays() {
        HttpResponse<String> signedIn = new PageClient(server.getURI()).signIn(world.officerName, officerPassword());
        assertEquals(303, signedIn.statusCode(), signedIn::body);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("tracker_session=").contains("Max-Age=1234"));
    }

    @Test
    void aSessionCookieCopiedBeforeSignOutNoLongerOpensAPage() {
        PageClient b = new PageClient(server.getURI());
        assertEquals(303, b.signIn(world.officerName, officerPassword()).statusCode());
        String copied = b.cookie("tracker_session");
        assertEquals(200, dashboardWith(copied).statusCode(), "the copy works while signed in");
        Api api = Api.login(client, world.officerName, officerPassword());

        HttpResponse<String> out = b.submit("/dashboard", "/sign-out", Map.of());
        assertEquals(303, out.statusCode());

        HttpResponse<String> after = dashboardWith(copied);
        assertEquals(303, after.statusCode(), "the session ended: " + after.body());
        assertThat(after.headers().firstValue("Location").orElse("")).startsWith("/sign-in");
        assertEquals(401, api.get("/api/users").status(), "and every API token of the user with it");
        assertEquals(303, new PageClient(server.getURI()).signIn(world.officerName, officerPassword()).statusCode(),
                "signing in again works");
    }

    private HttpResponse<String> dashboardWith(String sessionCookie) {
        return new PageClient(server.getURI()).send(HttpRequest.newBuilder(server.getURI().resolve("/dashboard"))
                .header("Accept", "text/html").header("Cookie", "tracker_session=" + sessionCookie).GET().build());
    }

    private String officerPassword() {
        return "officer-password-" + world.officerName.replace("olivia", "");
    }
}
