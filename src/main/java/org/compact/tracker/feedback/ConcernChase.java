package org.compact.tracker.feedback;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.notice.OfficerAlerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The concern chase (daily): every open concern, whatever its kind (a request made by a reply too), unanswered for 7
 * whole days reminds the lead officer; at 14 days it goes to the officer and the agency's compliance contact, and
 * again every week after, until it is answered. Each message goes once, however often the chase runs (a run after a
 * pause sends only the step due now). It also deletes the concerns raised through the public form and never
 * confirmed in time.
 */
@Singleton
class ConcernChase implements DueWork {
    static final int REMIND_AFTER_DAYS = 7;
    static final int ESCALATE_AFTER_DAYS = 14;

    private final ConcernRepository concerns;
    private final PublicConcerns publicConcerns;
    private final RegisterReads consultations;
    private final OfficerAlerts alerts;
    private final Clock clock;

    ConcernChase(ConcernRepository concerns, PublicConcerns publicConcerns, RegisterReads consultations,
                 OfficerAlerts alerts, Clock clock) {
        this.concerns = concerns;
        this.publicConcerns = publicConcerns;
        this.consultations = consultations;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "concern chase";
    }

    @Override
    public String runDue() {
        LocalDate today = LocalDate.now(clock);
        int lapsed = publicConcerns.deleteLapsed();
        int reminders = 0;
        int escalations = 0;
        Map<Long, ConsultationSummary> about = new HashMap<>();
        for (Concern c : concerns.findByAnsweredAtIsNullOrderByRaisedAt()) {
            long days = ChronoUnit.DAYS.between(c.raisedAt().atZone(clock.getZone()).toLocalDate(), today);
            if (days < REMIND_AFTER_DAYS) {
                continue;
            }
            boolean escalate = days >= ESCALATE_AFTER_DAYS;
            String step = escalate ? "w" + (days - ESCALATE_AFTER_DAYS) / 7 : "d" + REMIND_AFTER_DAYS;
            ConsultationSummary s = about.computeIfAbsent(c.consultationId(), consultations::summary);
            if (alerts.concernUnanswered(s.about(), c.id(), c.kind().label(), days, step, escalate)) {
                if (escalate) {
                    escalations++;
                } else {
                    reminders++;
                }
            }
        }
        return reminders + " reminders, " + escalations + " sent to compliance contacts, " + lapsed
                + " unconfirmed concerns deleted";
    }
}
