package org.compact.tracker.feedback;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.Exemptions;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.notice.OfficerAlerts;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleId;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The feedback chase (daily): for each closed consultation still owed feedback, a reminder to the lead officer four
 * weeks and one week before it is due and on the due date itself ("due today": feedback given that day is on time),
 * then a FEEDBACK breach to the officer and the agency's compliance contact from the day after and every week after. Overdue actions are reminded to their owners weekly. Each message goes once,
 * however often the chase runs; withdrawn consultations and those with feedback given are never chased.
 */
@Singleton
class FeedbackChase implements DueWork {
    private final RegisterReads consultations;
    private final Exemptions exemptions;
    private final FeedbackActionRepository actions;
    private final FeedbackRules rules;
    private final OfficerAlerts alerts;
    private final Clock clock;

    FeedbackChase(RegisterReads consultations, Exemptions exemptions, FeedbackActionRepository actions,
                  FeedbackRules rules, OfficerAlerts alerts, Clock clock) {
        this.consultations = consultations;
        this.exemptions = exemptions;
        this.actions = actions;
        this.rules = rules;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "feedback chase";
    }

    @Override
    public String runDue() {
        LocalDate today = LocalDate.now(clock);
        int reminders = 0;
        int breaches = 0;
        for (ConsultationSummary c : consultations.closedAwaitingFeedback()) {
            if (c.closesOn() == null || exemptions.of(c.id()).contains(RuleId.FEEDBACK)) {
                // An exemption from FEEDBACK, with its written reason, stops the chase; it shows in reports.
                continue;
            }
            var step = rules.chase(rules.dueDate(c.closesOn()), today);
            if (step.isEmpty()) {
                continue;
            }
            boolean breach = step.get().kind() == FeedbackRules.ChaseStep.Kind.BREACH;
            boolean sent = switch (step.get().kind()) {
                case DUE_TODAY -> alerts.feedbackDueToday(c.about(), step.get().due(), step.get().key());
                case REMINDER, BREACH -> alerts.feedbackChase(c.about(), breach, step.get().due(), step.get().key());
            };
            if (sent) {
                if (breach) {
                    breaches++;
                } else {
                    reminders++;
                }
            }
        }
        int actionReminders = 0;
        for (FeedbackAction a : actions.findByDoneOnIsNullAndDueLessThan(today)) {
            if (alerts.actionOverdue(a.consultationId(), a.id(), a.what(), a.owner(), a.due(),
                    ChronoUnit.WEEKS.between(a.due(), today))) {
                actionReminders++;
            }
        }
        return reminders + " reminders, " + breaches + " breaches, " + actionReminders + " action reminders";
    }
}
