package org.compact.tracker.consultation;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.organisation.DirectoryIndex;
import org.compact.tracker.organisation.DirectoryWatch;
import org.compact.tracker.organisation.KeptDirectory;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.rules.DateRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The organisations each dated consultation targets, resolved, with its period and whether it is live
 * ({@code consultation_target}, V27): what OVERLOAD reads of the other consultations, by the organisation's index, so
 * that a consultation's checks cost the same however large the register is; and how a change finds the consultations
 * whose OVERLOAD counts it. A consultation's rows are written in the transaction of each change to its status, dates
 * or targets (bounded by its own targets); an organisation's rows in the transaction of each change to it.
 */
@Singleton
class TargetTable implements DirectoryWatch {
    private static final Logger LOG = LoggerFactory.getLogger(TargetTable.class);
    private static final List<String> EVERY_STATUS = Arrays.stream(ConsultationStatus.values()).map(Enum::name).toList();
    private static final int CHUNK = 1_000;

    private final JdbcOperations jdbc;
    private final KeptDirectory directory;
    private final ConsultationRepository consultations;

    TargetTable(JdbcOperations jdbc, KeptDirectory directory, ConsultationRepository consultations) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.consultations = consultations;
    }

    /** A row: another consultation, one of its organisations, its period. */
    record Row(long consultationId, long organisationId, LocalDate opensOn, LocalDate closesOn) {
    }

    /** Writes {@code c}'s rows again, in the caller's transaction: its targets with its period, none when undated. */
    void write(Consultation c) {
        jdbc.prepareStatement("DELETE FROM consultation_target WHERE consultation_id = ?", ps -> {
            ps.setLong(1, c.getId());
            return ps.executeUpdate();
        });
        if (c.getOpensOn() != null && c.getClosesOn() != null) {
            insert(c, FactsAssembler.targetsOf(c, directory.index()).stream().map(Organisation::id).toList());
        }
    }

    private void insert(Consultation c, List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO consultation_target (consultation_id, organisation_id, live, opens_on, "
                + "closes_on) VALUES (?, ?, ?, ?, ?)", ps -> {
            for (Long organisationId : organisationIds) {
                ps.setLong(1, c.getId());
                ps.setLong(2, organisationId);
                ps.setBoolean(3, ConsultationStatus.LIVE.contains(c.getStatus()));
                ps.setDate(4, Date.valueOf(c.getOpensOn()));
                ps.setDate(5, Date.valueOf(c.getClosesOn()));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * The live consultations of these organisations whose period touches {@code span}, other than {@code except}. In
     * the caller's transaction, or on a connection of its own for a read outside one.
     */
    @Connectable
    public List<Row> live(Collection<Long> organisationIds, long except, DateRange span) {
        List<Row> rows = new ArrayList<>();
        select(organisationIds, " AND live = TRUE AND consultation_id <> " + except, span, rows::add);
        return rows;
    }

    /** The consultations of any status, sharing one of these organisations, whose period touches {@code span}. */
    @Connectable
    public Set<Long> touching(Collection<Long> organisationIds, DateRange span) {
        Set<Long> found = new HashSet<>();
        select(organisationIds, "", span, r -> found.add(r.consultationId()));
        return found;
    }

    private void select(Collection<Long> organisationIds, String more, DateRange span, Consumer<Row> each) {
        List<Long> ids = List.copyOf(organisationIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String sql = "SELECT consultation_id, organisation_id, opens_on, closes_on FROM consultation_target"
                    + " WHERE organisation_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ") AND closes_on >= ? AND opens_on <= ?" + more;
            jdbc.prepareStatement(sql, ps -> {
                int i = 1;
                for (Long id : chunk) {
                    ps.setLong(i++, id);
                }
                ps.setDate(i++, Date.valueOf(span.from()));
                ps.setDate(i, Date.valueOf(span.to()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Row(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                                rs.getDate(4).toLocalDate()));
                    }
                }
                return null;
            });
        }
    }

    /**
     * An organisation was added or changed: its rows are written again for every dated consultation that targets it
     * now (a scan of the dated consultations, as a change to the directory is rare beside reads and steps).
     */
    @Override
    public void changed(long organisationId) {
        jdbc.prepareStatement("DELETE FROM consultation_target WHERE organisation_id = ?", ps -> {
            ps.setLong(1, organisationId);
            return ps.executeUpdate();
        });
        DirectoryIndex index = directory.index();
        for (Consultation c : dated()) {
            if (FactsAssembler.targetsOf(c, index).stream().anyMatch(o -> o.id() == organisationId)) {
                insert(c, List.of(organisationId));
            }
        }
    }

    private List<Consultation> dated() {
        return consultations.findLiveBetween(EVERY_STATUS, LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31));
    }

    /** Fills the table once, for the consultations there before V27, on the node that claims it first. */
    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        Integer claimed = jdbc.prepareStatement(
                "UPDATE consultation_target_state SET built = TRUE WHERE id = 1 AND built = FALSE", ps -> {
                    try {
                        return ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        if (claimed == null || claimed != 1) {
            return;
        }
        jdbc.prepareStatement("DELETE FROM consultation_target", PreparedStatement::executeUpdate);
        List<Consultation> all = dated();
        DirectoryIndex index = directory.index();
        for (Consultation c : all) {
            insert(c, FactsAssembler.targetsOf(c, index).stream().map(Organisation::id).toList());
        }
        LOG.info("Resolved the targets of {} dated consultations (consultation_target, V27)", all.size());
    }

    static Map<Long, List<DateRange>> byOrganisation(List<Row> rows) {
        Map<Long, List<DateRange>> found = new HashMap<>();
        for (Row r : rows) {
            found.computeIfAbsent(r.organisationId(), k -> new ArrayList<>()).add(new DateRange(r.opensOn(), r.closesOn()));
        }
        return found;
    }
}
