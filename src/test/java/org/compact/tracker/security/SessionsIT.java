package org.compact.tracker.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.Jsons;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sessions end when they should: the token lifetime setting works, sign-out ends the token it is sent with (and
 * every other of the user), disabling a user, changing their rights or their password ends their tokens at once,
 * and usernames are one whatever their case.
 */
@MicronautTest(transactional = false)
@Property(name = "TRACKER_TOKEN_EXPIRATION_SECONDS", value = "1234")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsIT {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "a-password-of-length";

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    void aTokenLastsAsLongAsTrackerTokenExpirationSecondsSays() {
        Map<String, Object> token = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", Api.ADMIN_PASSWORD)), Map.class);
        assertEquals(1234, ((Number) token.get("expires_in")).intValue());
        Map<String, Object> claims = claims((String) token.get("access_token"));
        assertEquals(1234L, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
    }

    @Test
    void afterLogoutTheSameBearerTokenAndEveryOtherOfTheUserIsRefused() {
        String name = newUser("OFFICER", world.agencyId);
        Api first = Api.login(client, name, PASSWORD);
        Api second = Api.login(client, name, PASSWORD);
        assertEquals(200, first.get("/api/users").status());

        Api.Reply out = first.post("/logout");

        assertEquals(204, out.status(), out::toString);
        assertEquals(401, first.get("/api/users").status(), "the token signed out with");
        assertEquals(401, second.get("/api/users").status(), "another token of the same user");
        assertEquals(401, first.post("/logout").status(), "an ended token cannot sign out again");
        assertEquals(200, Api.login(client, name, PASSWORD).get("/api/users").status(), "signing in again works");
    }

    @Test
    void disablingAUserEndsTheirLiveTokenAtOnceAndTheyCannotSignInUntilEnabledAgain() {
        String name = newUser("OFFICER", world.agencyId);
        long id = idOf(name);
        Api user = Api.login(client, name, PASSWORD);
        assertEquals(200, user.get("/api/users").status());

        Api.Reply disabled = admin().patch("/api/users/" + id, Map.of("enabled", false));

        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(false, disabled.at("enabled"));
        assertEquals(401, user.get("/api/users").status(), "the live token ended at once");
        assertEquals(401, login(name, PASSWORD), "a disabled user cannot sign in");

        assertEquals(200, admin().patch("/api/users/" + id, Map.of("enabled", true)).status());
        assertEquals(401, user.get("/api/users").status(), "the old token stays ended");
        assertEquals(200, login(name, PASSWORD));
    }

    @Test
    void changingAnOfficersAgencyOrRolesEndsTheirOldTokens() {
        String name = newUser("OFFICER", world.agencyId);
        long id = idOf(name);
        Api before = Api.login(client, name, PASSWORD);
        Api.Reply moved = admin().patch("/api/users/" + id, Map.of("agencyId", world.otherAgencyId));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(world.otherAgencyId, ((Number) moved.at("agencyId")).longValue());
        assertEquals(401, before.get("/api/users").status(), "a token of the old agency must not act for it");
        Map<String, Object> claims = claims(token(name));
        assertEquals(world.otherAgencyId, ((Number) claims.get("agencyId")).longValue(), "a new token has the new agency");

        Api officer = Api.login(client, name, PASSWORD);
        Api.Reply monitor = admin().patch("/api/users/" + id, Map.of("roles", List.of("MONITOR")));
        assertEquals(200, monitor.status(), monitor::toString);
        assertEquals(List.of("MONITOR"), monitor.at("roles"));
        assertEquals(401, officer.get("/api/users").status(), "a token with the old roles must not keep them");
    }

    @Test
    void changingOnlyTheEmailLeavesTheTokensBe() {
        String name = newUser("OFFICER", world.agencyId);
        Api user = Api.login(client, name, PASSWORD);
        Api.Reply changed = admin().patch("/api/users/" + idOf(name), Map.of("email", "new-" + name + "@example.org"));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("new-" + name + "@example.org", changed.at("email"));
        assertEquals(200, user.get("/api/users").status());
    }

    @Test
    void aChangeIsCheckedAsACreationIsAndNothingIsHalfWritten() {
        String name = newUser("OFFICER", world.agencyId);
        long id = idOf(name);
        Api user = Api.login(client, name, PASSWORD);

        assertThat(fields(admin().patch("/api/users/" + id, Map.of("enabled", false, "agencyId", 999_999))))
                .containsExactly("agencyId");
        assertThat(fields(admin().patch("/api/users/" + id, Map.of("enabled", false, "roles", List.of("KING")))))
                .containsExactly("roles[0]");
        assertThat(fields(admin().patch("/api/users/" + id, Map.of("roles", List.of())))).containsExactly("roles");
        assertThat(fields(admin().patch("/api/users/" + id, Map.of("email", "not an address")))).containsExactly("email");
        assertEquals(404, admin().patch("/api/users/999999", Map.of("enabled", false)).status());

        assertEquals(200, user.get("/api/users").status(), "nothing changed: the token still works");
        assertEquals(true, admin().get("/api/users/" + id).at("enabled"));
    }

    @Test
    void onlyAnAdminChangesUsers() {
        long id = idOf(newUser("OFFICER", world.agencyId));
        assertEquals(403, world.officer.patch("/api/users/" + id, Map.of("enabled", false)).status());
        assertEquals(403, world.monitor.patch("/api/users/" + id, Map.of("roles", List.of("ADMIN"))).status());
        assertEquals(401, Api.anonymous(client).patch("/api/users/" + id, Map.of("enabled", false)).status());
        assertEquals(true, admin().get("/api/users/" + id).at("enabled"));
    }

    @Test
    void theLastEnabledAdminKeepsTheRightsAndNoAdminDisablesThemselves() {
        String other = newUser("ADMIN", world.agencyId);
        Api otherAdmin = Api.login(client, other, PASSWORD);
        long adminId = idOf("admin");
        assertThat(fields(otherAdmin.patch("/api/users/" + idOf(other), Map.of("enabled", false))))
                .containsExactly("enabled");
        // with another admin, admin may be un-admined; back again
        assertEquals(200, otherAdmin.patch("/api/users/" + adminId, Map.of("roles", List.of("OFFICER"))).status());
        assertEquals(200, otherAdmin.patch("/api/users/" + adminId, Map.of("roles", List.of("ADMIN"))).status());
        Api admin = admin();
        for (Map<String, Object> u : admin.get("/api/users").list()) {
            if (!"admin".equals(u.get("username")) && ((List<?>) u.get("roles")).contains("ADMIN")
                    && Boolean.TRUE.equals(u.get("enabled"))) {
                assertEquals(200, admin.patch("/api/users/" + u.get("id"), Map.of("enabled", false)).status());
            }
        }

        assertThat(fields(admin.patch("/api/users/" + adminId, Map.of("roles", List.of("OFFICER"))))).containsExactly("roles");
        assertThat(fields(admin.patch("/api/users/" + adminId, Map.of("enabled", false)))).containsExactly("enabled");
        assertEquals(200, admin.get("/api/users").status(), "the admin is still in");
    }

    @Test
    void aNewPasswordEndsTheOldTokensAndOnlyItOpens() {
        String name = newUser("OFFICER", world.agencyId);
        Api user = Api.login(client, name, PASSWORD);
        Api other = Api.login(client, name, PASSWORD);

        assertThat(fields(user.post("/api/users/me/password",
                Map.of("currentPassword", "not-the-password", "newPassword", "a-new-password-long-enough"))))
                .containsExactly("currentPassword");
        assertThat(fields(user.post("/api/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD)))).containsExactly("newPassword");
        assertThat(fields(user.post("/api/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short")))).containsExactly("newPassword");
        assertEquals(200, user.get("/api/users").status(), "refused changes change nothing");

        Api.Reply changed = user.post("/api/users/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a-new-password-long-enough"));

        assertEquals(204, changed.status(), changed::toString);
        assertEquals(401, user.get("/api/users").status());
        assertEquals(401, other.get("/api/users").status());
        assertEquals(401, login(name, PASSWORD), "the old password no longer opens");
        assertEquals(200, login(name, "a-new-password-long-enough"));
    }

    @Test
    void usernamesAreOneWhateverTheirCase() {
        Api.Reply upper = admin().post("/api/users", Map.of("username", "ADMIN", "password", PASSWORD,
                "email", "upper@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER")));
        assertThat(fields(upper)).containsExactly("username");
        String name = newUser("OFFICER", world.agencyId);
        assertThat(fields(admin().post("/api/users", Map.of("username", name.toUpperCase(), "password", PASSWORD,
                "email", "upper@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER")))))
                .containsExactly("username");

        Map<String, Object> claims = claims(token("Admin"));
        assertEquals("admin", claims.get("sub"), "signing in is case-insensitive; the token names the user as stored");
        assertEquals(200, Api.login(client, name.toUpperCase(), PASSWORD).get("/api/users").status());
    }

    /** A fresh admin token each time: one test takes ADMIN from 'admin' and gives it back, which ends its tokens. */
    private Api admin() {
        return Api.admin(client);
    }

    private String newUser(String role, long agency) {
        String name = "user" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        Api.Reply created = admin().post("/api/users", Map.of("username", name, "password", PASSWORD,
                "email", name + "@example.org", "agencyId", agency, "roles", List.of(role)));
        assertEquals(201, created.status(), created::toString);
        return name;
    }

    private long idOf(String username) {
        return admin().get("/api/users").list().stream().filter(u -> username.equals(u.get("username")))
                .map(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
    }

    private int login(String username, String password) {
        return Api.anonymous(client).post("/login", Map.of("username", username, "password", password)).status();
    }

    private String token(String username) {
        String password = "admin".equalsIgnoreCase(username) ? Api.ADMIN_PASSWORD : PASSWORD;
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), Map.class);
        return (String) body.get("access_token");
    }

    static Map<String, Object> claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Jsons.map(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Api.Reply reply) {
        assertEquals(422, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.at("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
