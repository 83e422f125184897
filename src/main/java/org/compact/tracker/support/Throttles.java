package org.compact.tracker.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Recent events per key and lockouts, in the database, so that every node of a cluster counts the same (failed
 * sign-ins of a username or from an address, requests for fresh links from an address). Keys are stored as SHA-256
 * digests. Each call is its own short autocommit statement on a pooled connection, outside any transaction of the
 * caller: a refused sign-in is counted even though the request fails.
 *
 * <p>Counts are approximate under a race (two nodes counting the same key at the same instant may each let one more
 * through), which is all a throttle needs. Events older than {@link #RETENTION} are deleted as new ones come in.
 */
@Singleton
public class Throttles {
    /** How long an event is kept: windows longer than this count only its last day. */
    static final Duration RETENTION = Duration.ofDays(1);

    private final DataSource pool;

    public Throttles(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Whether any of the keys is locked out at {@code now}. */
    public boolean locked(Instant now, String... keys) {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM throttle_lock WHERE locked_until > ? AND key_sha IN (");
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setObject(1, utc(now));
            for (int i = 0; i < keys.length; i++) {
                ps.setString(i + 2, sha(keys[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("throttle: could not read the lockouts", e);
        }
    }

    /** How many events {@code key} has had within {@code window} before {@code now}. */
    public int count(String key, Instant now, Duration window) {
        try (Connection c = pool.getConnection()) {
            return count(c, sha(key), now, window);
        } catch (SQLException e) {
            throw new IllegalStateException("throttle: could not count", e);
        }
    }

    /** Records one event of {@code key} at {@code now}; answers the events within {@code window}, this one included. */
    public int record(String key, Instant now, Duration window) {
        String sha = sha(key);
        try (Connection c = pool.getConnection()) {
            insert(c, sha, now);
            return count(c, sha, now, window);
        } catch (SQLException e) {
            throw new IllegalStateException("throttle: could not record", e);
        }
    }

    /**
     * Records one event of {@code key} at {@code now} unless it has had {@code max} already within {@code window}:
     * answers whether it was recorded (a refused event is not counted).
     */
    public boolean recordUnder(String key, Instant now, Duration window, int max) {
        String sha = sha(key);
        try (Connection c = pool.getConnection()) {
            if (count(c, sha, now, window) >= max) {
                return false;
            }
            insert(c, sha, now);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("throttle: could not record", e);
        }
    }

    private static int count(Connection c, String sha, Instant now, Duration window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM throttle_event WHERE key_sha = ? AND at > ?")) {
            ps.setString(1, sha);
            ps.setObject(2, utc(now.minus(window)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Inserts the event, first deleting every key's events older than {@link #RETENTION}. */
    private static void insert(Connection c, String sha, Instant now) throws SQLException {
        try (PreparedStatement old = c.prepareStatement("DELETE FROM throttle_event WHERE at < ?")) {
            old.setObject(1, utc(now.minus(RETENTION)));
            old.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO throttle_event (key_sha, at) VALUES (?, ?)")) {
            ps.setString(1, sha);
            ps.setObject(2, utc(now));
            ps.executeUpdate();
        }
    }

    /** Locks {@code key} out from {@code now} for {@code lockout} (a later lock of the same key replaces it). */
    public void lock(String key, Instant now, Duration lockout) {
        String sha = sha(key);
        Instant until = now.plus(lockout);
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM throttle_lock WHERE key_sha = ? OR locked_until < ?")) {
                ps.setString(1, sha);
                ps.setObject(2, utc(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO throttle_lock (key_sha, locked_until) VALUES (?, ?)")) {
                ps.setString(1, sha);
                ps.setObject(2, utc(until));
                ps.executeUpdate();
            } catch (SQLException e) {
                // 23505, a unique violation (H2 and PostgreSQL): another node locked the same key between the two
                // statements, so it is locked, as wanted.
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("throttle: could not lock", e);
        }
    }

    /** Forgets the events of {@code key} (its lockout, if any, stands). */
    public void clear(String key) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM throttle_event WHERE key_sha = ?")) {
            ps.setString(1, sha(key));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("throttle: could not clear", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String sha(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
