package org.compact.tracker.browser;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Login throttling on the API and the sign-in page: after five failures for a username from one address the right
 * password is refused too from there, with the same answer as a wrong one, until the lockout ends (two seconds here,
 * 15 minutes by default); twenty failures from one address, whatever the usernames, lock the address. Requests come
 * from 127.0.0.1 or name their address in X-Forwarded-For, so this class has a context of its own.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesLoginThrottleIT implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;

    @Override
    public Map<String, String> getProperties() {
        // as behind a reverse proxy that appends the client's address to X-Forwarded-For
        return Map.of("tracker.login-throttle.lockout", "2s", "tracker.login-throttle.max-failures", "5",
                "tracker.login-throttle.address-lockout", "2s", "tracker.client-address-header", "X-Forwarded-For");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    private Api.Reply login(String username, String password) {
        return Api.anonymous(client).send(HttpRequest.POST("/login", Map.of("username", username, "password", password)));
    }

    private Api.Reply loginFrom(String forwardedFor, String username, String password) {
        return Api.anonymous(client).send(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .header("X-Forwarded-For", forwardedFor));
    }

    @Test
    void behindAProxyEachClientAddressIsCountedOnItsOwnAndOnlyTheProxysEntryCounts() throws Exception {
        String user = world.officerName;
        String password = "officer-password-" + world.officerName.replace("olivia", "");
        for (int i = 0; i < 20; i++) {
            assertEquals(401, loginFrom("203.0.113.7", "nobody" + i + "-" + user, "guess").status());
        }
        assertEquals(401, loginFrom("203.0.113.7", user, password).status(),
                "twenty failures over many usernames lock the guesser's address");
        assertEquals(401, loginFrom("198.51.100.1, 203.0.113.7", user, password).status(),
                "an address the client put first changes nothing: the proxy's entry is the last");
        assertEquals(200, loginFrom("203.0.113.8", user, password).status(), "another client behind the proxy signs in");
        Thread.sleep(2500);
    }

    @Test
    void fiveFailuresFromOneAddressLockTheUsernameThereOnTheApiAndThePageAlikeUntilTheLockoutEnds() throws Exception {
        String user = "monty" + world.officerName.replace("olivia", "");
        String password = "officer-password-" + world.officerName.replace("olivia", "");
        Api.Reply wrong = login(user, "wrong password");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(user, "wrong password " + i).status());
        }
        Api.Reply locked = login(user, password);
        assertEquals(401, locked.status(), "the right password is refused while locked");
        assertEquals(wrong.body(), locked.body(), "a locked account answers as a wrong password does");
        assertThat(locked.body()).doesNotContain("attempts");

        PageClient page = new PageClient(server.getURI());
        assertEquals(401, page.signIn(user, password).statusCode(), "the page shares the count");
        assertEquals(200, loginFrom("203.0.113.9", user, password).status(), "the owner signs in from elsewhere");

        Thread.sleep(2500);
        assertEquals(200, login(user, password).status(), "the lockout ends");
        assertEquals(303, new PageClient(server.getURI()).signIn(user, password).statusCode());
    }
}
