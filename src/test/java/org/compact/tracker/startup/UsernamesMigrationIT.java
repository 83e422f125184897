package org.compact.tracker.startup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V16: a database written by an earlier release, which let 'ADMIN' be created beside 'admin', migrates: the oldest of
 * the users that differ only by case keeps the name, the later ones get '#id' added, and from then on the database
 * itself refuses a username that differs from another only by case.
 */
class UsernamesMigrationIT {
    private final String url = "jdbc:h2:file:./target/test-db/usernames-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void usersThatDifferOnlyByCaseAreRenamedAfterTheOldestAndCannotComeBack() throws Exception {
        flyway("15").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO agency (id, name, kind, compliance_contact_email, created_at) "
                    + "VALUES (1, 'Salford', 'COUNCIL', 'c@example.org', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO app_user (id, username, password_hash, email, agency_id, roles, enabled, created_at) VALUES "
                    + "(1, 'admin', 'h', 'a@example.org', 1, 'ADMIN', TRUE, CURRENT_TIMESTAMP),"
                    + "(5, 'ADMIN', 'h', 'b@example.org', 1, 'OFFICER', TRUE, CURRENT_TIMESTAMP),"
                    + "(3, 'Admin', 'h', 'c@example.org', 1, 'OFFICER', TRUE, CURRENT_TIMESTAMP),"
                    + "(4, 'Bob', 'h', 'd@example.org', 1, 'OFFICER', TRUE, CURRENT_TIMESTAMP)");
        }

        flyway(null).migrate();

        List<String> users = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, username, username_key, session_version FROM app_user ORDER BY id")) {
            while (rs.next()) {
                users.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4));
            }
        }
        assertThat(users).containsExactly("1 admin admin 0", "3 Admin#3 admin#3 0", "4 Bob bob 0", "5 ADMIN#5 admin#5 0");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO app_user (username, username_key, password_hash, email, "
                    + "agency_id, roles, enabled, created_at) VALUES ('BOB', 'bob', 'h', 'e@example.org', 1, 'OFFICER', "
                    + "TRUE, CURRENT_TIMESTAMP)")).isInstanceOf(SQLException.class).hasMessageContaining("username_key");
        }
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
