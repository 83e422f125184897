package org.compact.tracker.startup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V14: a database written by an earlier release, whose history named a participant when an officer withdrew their
 * consent, keeps the event but loses the name; every other history line is left as it was.
 */
class HistoryNamesMigrationIT {
    private final String url = "jdbc:h2:file:./target/test-db/history-names-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void participantsNamesLeaveTheHistoryAndEverythingElseStays() throws Exception {
        flyway("13").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            s.execute("INSERT INTO consultation_history (consultation_id, at, actor, kind, reason, detail) VALUES "
                    + "(1, CURRENT_TIMESTAMP, 'olivia', 'CONSENT_WITHDRAWN', 'Consent to hear back withdrawn for Zoe Ng, on their behalf', '{\"participantId\":7}'),"
                    + "(1, CURRENT_TIMESTAMP, 'olivia', 'CONSENT_WITHDRAWN', 'Consent to hear back withdrawn for participant 8, on their behalf', '{\"participantId\":8}'),"
                    + "(1, CURRENT_TIMESTAMP, 'olivia', 'UPDATED', 'Consent to hear back withdrawn for Zoe Ng', NULL)");
        }

        flyway(null).migrate();

        List<String> reasons = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reason FROM consultation_history ORDER BY id")) {
            while (rs.next()) {
                reasons.add(rs.getString(1));
            }
        }
        assertThat(reasons).containsExactly("Consent to hear back withdrawn on their behalf",
                "Consent to hear back withdrawn for participant 8, on their behalf",
                "Consent to hear back withdrawn for Zoe Ng");
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
