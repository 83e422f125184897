package org.compact.tracker.backup;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many consultations, organisations, deliveries, users and outbox messages (by state) a database holds: what a
 * manifest promises and what a restore checks. Plain JDBC, so the restore command reads it without the service.
 */
@Serdeable
public record DatabaseCounts(long consultations, long organisations, long deliveries, long users,
                             Map<String, Long> outboxMessages) {

    /** Every outbox state is listed, with 0 where there is none, so that an empty outbox reads as such. */
    public DatabaseCounts {
        Map<String, Long> states = new TreeMap<>();
        for (String state : List.of("QUEUED", "SENT", "FAILED")) {
            states.put(state, 0L);
        }
        if (outboxMessages != null) {
            states.putAll(outboxMessages);
        }
        outboxMessages = Collections.unmodifiableMap(states);
    }

    public static DatabaseCounts of(Connection c) throws SQLException {
        Map<String, Long> outbox = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT status, COUNT(*) FROM outbox_message GROUP BY status")) {
            while (rows.next()) {
                outbox.put(rows.getString(1), rows.getLong(2));
            }
        }
        return new DatabaseCounts(count(c, "consultation"), count(c, "organisation"), count(c, "delivery"),
                count(c, "app_user"), outbox);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Flyway's latest successfully applied migration, or empty when there is no schema history. */
    public static Optional<String> schemaVersion(Connection c) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions.stream().max(DatabaseCounts::compareVersions);
    }

    /** Compares Flyway versions part by part as numbers: 9 before 10, 1.2 before 1.10. */
    public static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
            BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
            int order = l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The outbox messages in {@code state}. */
    public long outbox(String state) {
        return outboxMessages.getOrDefault(state, 0L);
    }
}
