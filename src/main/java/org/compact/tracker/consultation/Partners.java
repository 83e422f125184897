package org.compact.tracker.consultation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partner agencies of joint consultations (table {@code consultation_partner}, V28), in the order the lead
 * officer named them. Written only by {@link ConsultationStore}, in the transaction that saves the consultation.
 */
@Singleton
class Partners {
    private final JdbcOperations jdbc;

    Partners(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Long> of(Long consultationId) {
        return jdbc.prepareStatement("SELECT agency_id FROM consultation_partner WHERE consultation_id = ? ORDER BY seq",
                ps -> {
                    ps.setLong(1, consultationId);
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    return List.copyOf(ids);
                });
    }

    /** The partners of each of {@code consultationIds} (those without any are absent), in one query. */
    @Transactional(readOnly = true)
    Map<Long, List<Long>> of(Collection<Long> consultationIds) {
        Map<Long, List<Long>> partners = new HashMap<>();
        if (consultationIds.isEmpty()) {
            return partners;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(consultationIds.size(), "?"));
        return jdbc.prepareStatement("SELECT consultation_id, agency_id FROM consultation_partner WHERE consultation_id IN ("
                + marks + ") ORDER BY consultation_id, seq", ps -> {
                    int i = 1;
                    for (Long id : consultationIds) {
                        ps.setLong(i++, id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            partners.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                        }
                    }
                    return partners;
                });
    }

    /** Replaces the partners of a consultation with {@code agencyIds}, in that order. */
    @Transactional
    void replace(Long consultationId, List<Long> agencyIds) {
        jdbc.prepareStatement("DELETE FROM consultation_partner WHERE consultation_id = ?", ps -> {
            ps.setLong(1, consultationId);
            return ps.executeUpdate();
        });
        if (agencyIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO consultation_partner (consultation_id, agency_id, seq) VALUES (?, ?, ?)", ps -> {
            int seq = 0;
            for (Long agency : agencyIds) {
                ps.setLong(1, consultationId);
                ps.setLong(2, agency);
                ps.setInt(3, seq++);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }
}
