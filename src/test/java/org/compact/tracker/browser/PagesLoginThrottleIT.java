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
 * Login throttling on the API and the sign-in page: after five failures for a username the right password is
 * refused too, with the same answer as a wrong one, until the lockout ends (two seconds here, 15 minutes by default).
 * Every request comes from 127.0.0.1, so this class has a context of its own.
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
        return Map.of("tracker.login-throttle.lockout", "2s", "tracker.login-throttle.max-failures", "5");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    private Api.Reply login(String username, String password) {
        return Api.anonymous(client).send(HttpRequest.POST("/login", Map.of("username", username, "password", password)));
    }

    @Test
    void fiveFailuresLockTheUsernameOnTheApiAndThePageAlikeUntilTheLockoutEnds() throws Exception {
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

        Thread.sleep(2500);
        assertEquals(200, login(user, password).status(), "the lockout ends");
        assertEquals(303, new PageClient(server.getURI()).signIn(user, password).statusCode());
    }
}
