package org.compact.tracker.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets the service makes for itself on first start and keeps in the database ({@code app_setting}), so that a
 * restart and every node of a cluster use the same one: the key of the links in mail when {@code TRACKER_LINK_SECRET}
 * is not set ({@code link-secret}), and the sign-in tokens' key when {@code TRACKER_JWT_SECRET} is not
 * ({@code jwt-secret}). Each call is its own short autocommit statement on a pooled connection, outside any caller's transaction.
 * Two nodes starting at once both try to store theirs: the primary key lets one win, and the other reads the winner's.
 */
@Singleton
public class StoredSecrets {
    private final DataSource pool;
    private final SecureRandom random = new SecureRandom();

    public StoredSecrets(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The secret kept under {@code name}, made now (384 random bits, base64url) if there is none. */
    public String getOrCreate(String name) {
        try (Connection c = pool.getConnection()) {
            Optional<String> kept = read(c, name);
            if (kept.isPresent()) {
                return kept.get();
            }
            byte[] bytes = new byte[48];
            random.nextBytes(bytes);
            String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, made);
                ps.executeUpdate();
                return made;
            } catch (SQLException raced) {
                // another node stored its secret between the read and the insert: use theirs
                return read(c, name).orElseThrow(() -> raced);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or store the secret '" + name + "'", e);
        }
    }

    private static Optional<String> read(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
