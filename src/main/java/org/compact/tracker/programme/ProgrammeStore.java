package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.compact.tracker.notice.Translation;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.support.EventListConverter;
import org.compact.tracker.support.HowToRespondConverter;
import org.compact.tracker.support.StringListConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only queries over the register, the agencies and the feedback for this package. Only columns that may be
 * published are read: never the lead officer, who created or recorded anything, targets or contacts. The SQL is
 * plain and runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 *
 * <p>When notice was received comes from one aggregate over the consultations' notices joined to their outbox
 * state: per organisation its receipt (the earliest acceptance of any of its notices), per consultation the last of
 * those and how many organisations still wait for a notice in the queue (none accepted, one still QUEUED).
 */
@Singleton
class ProgrammeStore {
    private static final StringListConverter LISTS = new StringListConverter();
    private static final HowToRespondConverter RESPOND = new HowToRespondConverter();
    private static final EventListConverter EVENTS = new EventListConverter();
    private static final String SELECT = """
            SELECT c.id, c.agency_id, a.name AS agency_name, c.status, c.title, c.summary, c.themes, c.areas,
                   c.decision_date, c.opens_on, c.closes_on, c.notified_on, c.closed_on, c.withdrawn_on,
                   c.withdrawal_reason, c.created_at, c.updated_at, c.version, c.how_to_respond, c.events,
                   (SELECT MAX(h.at) FROM consultation_history h WHERE h.consultation_id = c.id
                      AND h.kind IN ('CREATED', 'UPDATED', 'NOTIFIED', 'OPENED', 'CLOSED', 'FEEDBACK_GIVEN', 'WITHDRAWN')) AS changed_at,
                   f.outcome, f.we_did, f.recorded_at AS feedback_at,
                   n.last_received_at, COALESCE(n.pending, 0) AS notice_pending
            FROM consultation c
            JOIN agency a ON a.id = c.agency_id
            LEFT JOIN feedback f ON f.consultation_id = c.id
            LEFT JOIN (
                SELECT r.consultation_id, MAX(r.received_at) AS last_received_at,
                       SUM(CASE WHEN r.received_at IS NULL AND r.queued > 0 THEN 1 ELSE 0 END) AS pending
                FROM (SELECT d.consultation_id, d.organisation_id, MIN(o.sent_at) AS received_at,
                             SUM(CASE WHEN o.status = 'QUEUED' THEN 1 ELSE 0 END) AS queued
                      FROM delivery d JOIN outbox_message o ON o.message_id = d.message_id
                      WHERE d.kind = 'NOTICE'
                      GROUP BY d.consultation_id, d.organisation_id) r
                GROUP BY r.consultation_id) n ON n.consultation_id = c.id
            """;
    private static final String ORDER = " ORDER BY c.opens_on NULLS LAST, c.id";
    /** An agency's consultations: those it leads and the joint ones it is a partner of (V28). */
    private static final String LEAD_OR_PARTNER =
            "(c.agency_id = ? OR c.id IN (SELECT jp.consultation_id FROM consultation_partner jp WHERE jp.agency_id = ?))";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    ProgrammeStore(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The default programme: every planned, notified and open consultation, and those closed (or given feedback)
     * or withdrawn since {@code since} (feedback: since {@code sinceInstant}, the start of that day).
     */
    @Transactional(readOnly = true)
    public List<ConsultationRow> published(@Nullable Long agencyId, LocalDate since, Instant sinceInstant) {
        Sql sql = new Sql();
        sql.where("(c.status IN ('PLANNED', 'NOTIFIED', 'OPEN')"
                + " OR (c.status IN ('CLOSED', 'FEEDBACK_GIVEN') AND (COALESCE(c.closed_on, c.closes_on) >= ? OR f.recorded_at >= ?))"
                + " OR (c.status = 'WITHDRAWN' AND c.withdrawn_on >= ?))",
                since, sinceInstant.atOffset(ZoneOffset.UTC), since);
        if (agencyId != null) {
            sql.where(LEAD_OR_PARTNER, agencyId, agencyId);
        }
        return rows(sql);
    }

    /**
     * Consultations whose open period touches [from, to] (either end may be open); without either, all of them.
     * A consultation without an open date touches no period.
     */
    @Transactional(readOnly = true)
    public List<ConsultationRow> touching(@Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to) {
        Sql sql = new Sql();
        if (from != null || to != null) {
            sql.where("c.opens_on IS NOT NULL");
        }
        if (from != null) {
            sql.where("COALESCE(c.closes_on, c.opens_on) >= ?", from);
        }
        if (to != null) {
            sql.where("c.opens_on <= ?", to);
        }
        if (agencyId != null) {
            sql.where(LEAD_OR_PARTNER, agencyId, agencyId);
        }
        return rows(sql);
    }

    /** Consultations opening within [from, to], both days included. */
    @Transactional(readOnly = true)
    public List<ConsultationRow> openingBetween(LocalDate from, LocalDate to) {
        Sql sql = new Sql();
        sql.where("c.opens_on >= ?", from);
        sql.where("c.opens_on <= ?", to);
        return rows(sql);
    }

    @Transactional(readOnly = true)
    public Optional<ConsultationRow> find(long id) {
        Sql sql = new Sql();
        sql.where("c.id = ?", id);
        return rows(sql).stream().findFirst();
    }

    /** Every agency: id and name (the compliance contact is not read). */
    @Transactional(readOnly = true)
    public Map<Long, String> agencies() {
        return jdbc.prepareStatement("SELECT id, name FROM agency ORDER BY name, id", ps -> {
            Map<Long, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("id"), rs.getString("name"));
                }
            }
            return out;
        });
    }

    /** The themes and areas used by any consultation, for the filter form. */
    @Transactional(readOnly = true)
    public List<List<String>> themesAndAreas() {
        return jdbc.prepareStatement("SELECT themes, areas FROM consultation", ps -> {
            List<String> themes = new ArrayList<>();
            List<String> areas = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    themes.addAll(LISTS.convertToEntityValue(rs.getString("themes"), null));
                    areas.addAll(LISTS.convertToEntityValue(rs.getString("areas"), null));
                }
            }
            return List.of(themes, areas);
        });
    }

    /** The published feedback of a consultation, without who recorded it. */
    @Transactional(readOnly = true)
    public Optional<Published> feedback(long consultationId) {
        return jdbc.prepareStatement("""
                SELECT you_said, we_did, outcome, reasons, report_url, decided_on, response_counts, recorded_at
                FROM feedback WHERE consultation_id = ?""", ps -> {
            ps.setLong(1, consultationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Published>empty();
                }
                return Optional.of(new Published(rs.getString("you_said"), rs.getString("we_did"),
                        rs.getString("outcome"), rs.getString("reasons"), rs.getString("report_url"),
                        rs.getObject("decided_on", LocalDate.class), counts(rs.getString("response_counts")),
                        instant(rs, "recorded_at")));
            }
        });
    }

    /** The actions the feedback promised, without their owner or who marked them done. */
    @Transactional(readOnly = true)
    public List<PromisedAction> actions(long consultationId) {
        return jdbc.prepareStatement("SELECT what, due, done_on, note FROM feedback_action WHERE consultation_id = ? ORDER BY due, id",
                ps -> {
                    ps.setLong(1, consultationId);
                    List<PromisedAction> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new PromisedAction(rs.getString("what"), rs.getObject("due", LocalDate.class),
                                    rs.getObject("done_on", LocalDate.class), rs.getString("note")));
                        }
                    }
                    return out;
                });
    }

    /**
     * The translated summaries of {@code consultationId}, or of every consultation when it is null, by consultation and
     * language tag (the table is small: a handful per consultation at most).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Translation>> translations(@Nullable Long consultationId) {
        String sql = "SELECT consultation_id, language, title, summary, open_to_change, fixed FROM consultation_translation"
                + (consultationId == null ? "" : " WHERE consultation_id = ?") + " ORDER BY consultation_id, language";
        return jdbc.prepareStatement(sql, ps -> {
            if (consultationId != null) {
                ps.setLong(1, consultationId);
            }
            Map<Long, List<Translation>> out = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong("consultation_id"), k -> new ArrayList<>()).add(new Translation(
                            rs.getString("language"), rs.getString("title"), rs.getString("summary"),
                            rs.getString("open_to_change"), rs.getString("fixed")));
                }
            }
            return out;
        });
    }

    /** Feedback as published. */
    record Published(String youSaid, String weDid, String outcome, @Nullable String reasons, @Nullable String reportUrl,
                     @Nullable LocalDate decidedOn, Map<String, Integer> responseCounts, Instant recordedAt) {
    }

    /** A promised action as published. */
    record PromisedAction(String what, LocalDate due, @Nullable LocalDate doneOn, @Nullable String note) {
    }

    private List<ConsultationRow> rows(Sql sql) {
        List<ConsultationRow> rows = jdbc.prepareStatement(SELECT + sql.where() + ORDER, ps -> {
            sql.bind(ps);
            List<ConsultationRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
        return withPartners(rows);
    }

    /**
     * A joint consultation is published under its lead agency's id, and named with its partners ("Salford City
     * Council, with NHS Salford and Greater Manchester Police") wherever its agency is shown: the page, the feeds,
     * its results page. One query over the partners table, which holds only joint consultations.
     */
    private List<ConsultationRow> withPartners(List<ConsultationRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> partners = jdbc.prepareStatement("SELECT jp.consultation_id, a.name FROM consultation_partner jp "
                + "JOIN agency a ON a.id = jp.agency_id ORDER BY jp.consultation_id, jp.seq", ps -> {
                    Map<Long, List<String>> found = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                    return found;
                });
        if (partners.isEmpty()) {
            return rows;
        }
        return rows.stream().map(r -> partners.containsKey(r.id()) ? r.withAgency(r.agency() + ", with "
                + and(partners.get(r.id()))) : r).toList();
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static ConsultationRow row(ResultSet rs) throws SQLException {
        Instant updatedAt = instant(rs, "updated_at");
        Instant changedAt = instant(rs, "changed_at");
        Instant feedbackAt = instant(rs, "feedback_at");
        return new ConsultationRow(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("agency_name"),
                ConsultationStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("summary"),
                LISTS.convertToEntityValue(rs.getString("themes"), null),
                LISTS.convertToEntityValue(rs.getString("areas"), null),
                rs.getObject("decision_date", LocalDate.class), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), rs.getObject("notified_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("withdrawal_reason"), instant(rs, "created_at"),
                latest(changedAt == null ? updatedAt : changedAt, updatedAt),
                rs.getString("outcome"), rs.getString("we_did"), feedbackAt, instant(rs, "last_received_at"),
                rs.getInt("notice_pending") > 0, rs.getLong("version"),
                RESPOND.convertToEntityValue(rs.getString("how_to_respond"), null),
                EVENTS.convertToEntityValue(rs.getString("events"), null));
    }

    private static Instant latest(Instant a, @Nullable Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    @Nullable
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Map<String, Integer> counts(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return new LinkedHashMap<>(json.readValue(text, Argument.mapOf(String.class, Integer.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable response counts: " + text, e);
        }
    }

    /** A WHERE clause and its parameters, bound in order. */
    private static final class Sql {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void where(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }
}
