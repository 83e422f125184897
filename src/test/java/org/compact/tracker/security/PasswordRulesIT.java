package org.compact.tracker.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.mindrot.jbcrypt.BCrypt;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Passwords as ASVS 2.1 asks: common ones refused when chosen, long ones kept whole. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordRulesIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    private Api.Reply create(String username, String password) {
        return world.admin.post("/api/users", Map.of("username", username, "password", password,
                "email", username + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER")));
    }

    private int signIn(String username, String password) {
        return Api.anonymous(client).send(HttpRequest.POST("/login",
                Map.of("username", username, "password", password))).status();
    }

    @Test
    void aUserCannotBeGivenOneOfTheMostCommonPasswords() {
        Api.Reply refused = create("common-" + System.nanoTime(), "qwerty123456");

        assertEquals(422, refused.status(), refused::toString);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"password\"").contains("most common").doesNotContain("qwerty123456");
    }

    @Test
    void aPassphraseLongerThanBcryptReadsIsCheckedWhole() {
        String username = "long-" + System.nanoTime();
        String first72 = "the fog comes on little cat feet, it sits looking over harbour and city ";
        assertEquals(201, create(username, first72 + "on silent haunches").status());

        assertEquals(200, signIn(username, first72 + "on silent haunches"));
        assertEquals(401, signIn(username, first72 + "and then moves on"));
    }

    @Test
    void aPasswordHashedTheOlderWayStillSignsInAndIsStoredAnewInTheCurrentForm() throws Exception {
        String username = "older-" + System.nanoTime();
        assertEquals(201, create(username, "a password from before the change").status());
        sql("UPDATE app_user SET password_hash = ? WHERE username = ?",
                BCrypt.hashpw("a password from before the change", BCrypt.gensalt(4)), username);

        assertEquals(200, signIn(username, "a password from before the change"));
        assertThat(storedHash(username)).startsWith(PasswordHasher.PREHASHED);
        assertEquals(200, signIn(username, "a password from before the change"));
        assertEquals(401, signIn(username, "a password from after the change"));
    }

    private Connection connection() throws Exception {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }

    private void sql(String sql, String a, String b) throws Exception {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            ps.setString(2, b);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private String storedHash(String username) throws Exception {
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
