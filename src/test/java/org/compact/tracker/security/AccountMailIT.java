package org.compact.tracker.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A person hears of every change to what lets them sign in (ASVS 2.2.3): a password they changed, a password an admin
 * set for them, their address changed (told at the old one), their account disabled. And an admin can set a new
 * password for someone who forgot theirs, which ends the sessions the old one opened.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountMailIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties();
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    private long user(String username, String password) {
        Api.Reply created = world.admin.post("/api/users", Map.of("username", username, "password", password,
                "email", username + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER")));
        assertEquals(201, created.status(), created::toString);
        return created.id();
    }

    private int signIn(String username, String password) {
        return Api.anonymous(client).send(HttpRequest.POST("/login",
                Map.of("username", username, "password", password))).status();
    }

    /** The mail to {@code to} with {@code subject}, waiting for the relay. */
    private MimeMessage mailTo(String to, String subject) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to) && subject.equals(m.getSubject())) {
                    found.add(m);
                }
            }
            if (!found.isEmpty()) {
                assertThat(found).as("one mail, not several").hasSize(1);
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subject + "' to " + to);
    }

    @Test
    void someoneWhoChangesTheirPasswordIsToldAtTheirAddress() throws Exception {
        String name = "ruth" + System.nanoTime();
        user(name, "the first long password");
        Api ruth = Api.login(client, name, "the first long password");

        Api.Reply changed = ruth.post("/api/users/me/password",
                Map.of("currentPassword", "the first long password", "newPassword", "a second long passphrase"));
        assertEquals(204, changed.status(), changed::toString);

        String text = MailParts.text(mailTo(name + "@example.org", "Your password was changed"));
        assertThat(text).contains("'" + name + "'").contains("signed out").contains("tell your agency's administrator")
                .doesNotContain("a second long passphrase");
    }

    @Test
    void anAdminSetsANewPasswordForSomeoneWhoForgotTheirsAndTheirOldSessionsEnd() throws Exception {
        String name = "fred" + System.nanoTime();
        long id = user(name, "forgotten password one");
        Api fred = Api.login(client, name, "forgotten password one");

        Api.Reply common = world.admin.patch("/api/users/" + id, Map.of("password", "qwerty123456"));
        assertEquals(422, common.status(), common::toString);
        assertThat(common.body()).contains("\"password\"");
        assertEquals(200, signIn(name, "forgotten password one"), "a refused change changed nothing");

        Api.Reply set = world.admin.patch("/api/users/" + id, Map.of("password", "set by the admin today"));
        assertEquals(200, set.status(), set::toString);
        assertThat(set.body()).doesNotContain("set by the admin today").doesNotContain("passwordHash");

        assertEquals(401, fred.get("/api/users").status(), "the sessions of the old password end");
        assertEquals(401, signIn(name, "forgotten password one"));
        assertEquals(200, signIn(name, "set by the admin today"));
        String text = MailParts.text(mailTo(name + "@example.org", "A new password was set for your account"));
        assertThat(text).contains("'admin'").doesNotContain("set by the admin today");
    }

    @Test
    void aChangedAddressIsToldAtTheAddressItWasAndADisabledAccountIsTold() throws Exception {
        String name = "gwen" + System.nanoTime();
        long id = user(name, "gwen's long password");

        assertEquals(200, world.admin.patch("/api/users/" + id, Map.of("email", name + "@elsewhere.example")).status());
        String moved = MailParts.text(mailTo(name + "@example.org", "The address of your account was changed"));
        assertThat(moved).contains(name + "@elsewhere.example");

        assertEquals(200, world.admin.patch("/api/users/" + id, Map.of("enabled", false)).status());
        String disabled = MailParts.text(mailTo(name + "@elsewhere.example", "Your account was disabled"));
        assertThat(disabled).contains("can no longer sign in");
    }
}
