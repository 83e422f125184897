package org.compact.tracker.consultation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.OfficerAlerts;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The steps the calendar takes: notified consultations whose open date has come are opened, open ones whose close
 * date has passed are closed. One that may not open yet (NOTICE: an organisation notified has not had the whole
 * period from its own receipt; or DURATION when opening late) is held, noted once a day with the reason, its lead
 * officer mailed once, and tried again on the next run: it opens by itself on the first day it may.
 */
@Singleton
public class DueSteps {
    private final ConsultationRepository consultations;
    private final ConsultationStore store;
    private final RuleChecks checks;
    private final Lifecycle lifecycle;
    private final OfficerAlerts alerts;
    private final RuleBook rules;
    private final Clock clock;

    DueSteps(ConsultationRepository consultations, ConsultationStore store, RuleChecks checks, Lifecycle lifecycle,
             OfficerAlerts alerts, RuleBook rules, Clock clock) {
        this.consultations = consultations;
        this.store = store;
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.rules = rules;
        this.clock = clock;
    }

    /** What {@link #openAndCloseDue()} did. */
    public record Run(int opened, int held, int closed) {
    }

    /** Opens and closes what is due today, as the scheduler would. */
    @Transactional
    public Run openAndCloseDue() {
        LocalDate today = LocalDate.now(clock);
        int opened = 0;
        int held = 0;
        int closed = 0;
        for (Consultation c : consultations.findByStatusAndOpensOnLessThanEquals(ConsultationStatus.NOTIFIED, today)) {
            Set<RuleId> exempted = checks.exempted(c);
            List<Check> notice = checks.noticeToOpen(c, today, exempted);
            Check duration = rules.durationIfOpenedOn(today, c.getClosesOn(), exempted.contains(RuleId.DURATION));
            if (!notice.isEmpty() || duration.failed()) {
                held++;
                hold(c, notice.isEmpty() ? duration : new Check(RuleId.NOTICE, notice.get(0).verdict(),
                        notice.stream().map(Check::reason).collect(Collectors.joining(" "))), today);
            } else {
                lifecycle.openNow(c, Actor.SYSTEM);
                opened++;
            }
        }
        for (Consultation c : consultations.findByStatusAndClosesOnLessThan(ConsultationStatus.OPEN, today)) {
            c.markClosed(today);
            Consultation saved = store.save(c);
            store.record(saved, Actor.SYSTEM, HistoryEntry.Kind.CLOSED, ConsultationStatus.OPEN, ConsultationStatus.CLOSED,
                    "The close date " + c.getClosesOn() + " has passed.", null);
            closed++;
        }
        return new Run(opened, held, closed);
    }

    private void hold(Consultation c, Check refused, LocalDate today) {
        boolean heldToday = store.history(c.getId()).stream().anyMatch(h -> h.kind() == HistoryEntry.Kind.HELD
                && LocalDate.ofInstant(h.at(), clock.getZone()).equals(today));
        if (!heldToday) {
            store.record(c, Actor.SYSTEM, HistoryEntry.Kind.HELD, null, null, refused.reason(),
                    Map.of("ruleId", refused.ruleId().name()));
        }
        alerts.openHeld(ConsultationSummary.of(c).about(), refused.ruleId().name(), c.getOpensOn(), c.getClosesOn(),
                refused.reason());
    }
}
