package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.ConsultationStamps;
import org.compact.tracker.support.RegisterStamp;
import org.compact.tracker.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps consultations and their history: every write moves the consultation's stamp, the stamps of the consultations
 * whose checks it can alter ({@link OverloadNeighbours}) and the register stamp (so no reader is served an answer kept
 * from before it), a lost race on the version is a 409 the officer can act on, and each step leaves its line in
 * the history and the log.
 */
@Singleton
class ConsultationStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationStore.class);

    private final ConsultationRepository consultations;
    private final HistoryRepository history;
    private final ObjectMapper json;
    private final RegisterStamp stamp;
    private final Partners partners;
    private final ConsultationStamps stamps;
    private final OverloadNeighbours neighbours;
    private final TargetTable targets;
    private final Clock clock;

    ConsultationStore(ConsultationRepository consultations, HistoryRepository history, ObjectMapper json,
                      RegisterStamp stamp, Partners partners, ConsultationStamps stamps, OverloadNeighbours neighbours,
                      TargetTable targets, Clock clock) {
        this.consultations = consultations;
        this.partners = partners;
        this.history = history;
        this.json = json;
        this.stamp = stamp;
        this.stamps = stamps;
        this.neighbours = neighbours;
        this.targets = targets;
        this.clock = clock;
    }

    /** A consultation with its partner agencies (404 if there is none). */
    Consultation load(Long id) {
        Consultation c = consultations.findById(id).orElseThrow(() -> Refusal.notFound("consultation", id));
        c.partnerAgencyIds = partners.of(id);
        return c;
    }

    Consultation insert(Consultation c) {
        List<Long> partnerIds = c.partnerAgencyIds;
        Consultation saved = consultations.save(c);
        saved.partnerAgencyIds = partnerIds;
        partners.replace(saved.getId(), partnerIds);
        targets.write(saved);
        stamps.added(saved.getId());
        stamps.moved(neighbours.of(null, saved));
        stamp.moved();
        return saved;
    }

    /**
     * Saves a change; {@code partnersChanged} when the change named other partner agencies, which are written in the
     * same transaction.
     */
    Consultation save(Consultation c, boolean partnersChanged) {
        Consultation saved = save(c);
        if (partnersChanged) {
            partners.replace(saved.getId(), saved.partnerAgencyIds);
        }
        return saved;
    }

    /** The partner agencies of each of {@code consultations}, set on them in one query (a page of the list). */
    List<Consultation> withPartners(List<Consultation> page) {
        java.util.Map<Long, List<Long>> all = partners.of(page.stream().map(Consultation::getId).toList());
        page.forEach(c -> c.partnerAgencyIds = all.getOrDefault(c.getId(), List.of()));
        return page;
    }

    Consultation save(Consultation c) {
        Consultation before = consultations.findById(c.getId()).orElse(null);
        try {
            List<Long> partnerIds = c.partnerAgencyIds;
            Consultation saved = consultations.update(c);
            saved.partnerAgencyIds = partnerIds;
            if (OverloadNeighbours.changesLoad(before, saved)) {
                targets.write(saved);
            }
            Set<Long> touched = new HashSet<>(neighbours.of(before, saved));
            touched.add(saved.getId());
            stamps.moved(touched);
            stamp.moved();
            return saved;
        } catch (OptimisticLockException e) {
            throw Refusal.conflict("Someone else changed this consultation at the same moment: reload it and try again.");
        }
    }

    /**
     * Something of this consultation alone changed (an exemption): forgets its kept checks, and the register's, in the
     * caller's transaction, as the last statement of the change.
     */
    void changedAlone(long id) {
        stamps.moved(id);
        stamp.moved();
    }

    HistoryEntry record(Consultation c, Actor actor, HistoryEntry.Kind kind, @Nullable ConsultationStatus from,
                        @Nullable ConsultationStatus to, @Nullable String reason, @Nullable Object detail) {
        return history.save(new HistoryEntry(null, c.getId(), clock.instant(), actor.username(), kind, from, to, reason,
                detail == null ? null : toJson(detail)));
    }

    List<HistoryEntry> history(Long id) {
        return history.findByConsultationIdOrderById(id);
    }

    private String toJson(Object detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(Consultation c, String message, Object... args) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("consultationId", String.valueOf(c.getId()))) {
            Object[] all = new Object[args.length + 1];
            all[0] = c.getId();
            System.arraycopy(args, 0, all, 1, args.length);
            LOG.info("Consultation {} " + message, all);
        }
    }
}
