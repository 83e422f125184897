package org.compact.tracker.feedback;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.consultation.ConsultationService;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.AppUser;
import org.compact.tracker.security.UserService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The feedback chase (daily): for each closed consultation still owed feedback, a reminder to the lead officer four
 * weeks and one week before it is due, then a FEEDBACK breach to the officer and the agency's compliance contact on
 * the due date and every week after. Overdue actions are reminded to their owners weekly. Each message goes once,
 * however often the chase runs; withdrawn consultations and those with feedback given are never chased.
 */
@Singleton
class FeedbackChase implements DueWork {
    private final ConsultationService consultations;
    private final FeedbackActionRepository actions;
    private final FeedbackRules rules;
    private final NoticeService notices;
    private final UserService users;
    private final Clock clock;

    FeedbackChase(ConsultationService consultations, FeedbackActionRepository actions, FeedbackRules rules,
                  NoticeService notices, UserService users, Clock clock) {
        this.consultations = consultations;
        this.actions = actions;
        this.rules = rules;
        this.notices = notices;
        this.users = users;
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
        for (ConsultationService.Summary c : consultations.closedAwaitingFeedback()) {
            if (c.closesOn() == null || consultations.exemptedRules(c.id()).contains(RuleId.FEEDBACK)) {
                // An exemption from FEEDBACK, with its written reason, stops the chase; it shows in reports.
                continue;
            }
            var step = rules.chase(rules.dueDate(c.closesOn()), today);
            if (step.isEmpty()) {
                continue;
            }
            boolean breach = step.get().kind() == FeedbackRules.ChaseStep.Kind.BREACH;
            List<String> to = consultations.alertRecipients(c.leadOfficer(), c.agencyId(), breach);
            String subject = (breach ? "FEEDBACK breach: " : "Feedback due by " + step.get().due() + ": ") + c.title();
            String text = breach
                    ? "Feedback on \"" + c.title() + "\" (id " + c.id() + ") was due by " + step.get().due() + " and has not "
                    + "been given. Everyone notified and everyone who took part is owed feedback, even when nothing "
                    + "changed (rule FEEDBACK of the local Compact). Record it with POST /api/consultations/" + c.id() + "/feedback."
                    : "Feedback on \"" + c.title() + "\" (id " + c.id() + ") is due by " + step.get().due()
                    + ": what was heard, what was decided, and why.";
            if (!to.isEmpty() && notices.alertOnce(c.id(), breach ? "FEEDBACK_BREACH" : "FEEDBACK_DUE", step.get().key(), to, subject, text)) {
                if (breach) {
                    breaches++;
                } else {
                    reminders++;
                }
            }
        }
        int actionReminders = 0;
        for (FeedbackAction a : actions.findByDoneOnIsNullAndDueLessThan(today)) {
            String owner = a.owner().contains("@") ? a.owner()
                    : users.findByUsername(a.owner()).map(AppUser::email).orElse(null);
            if (owner == null) {
                continue;
            }
            long week = ChronoUnit.WEEKS.between(a.due(), today);
            if (notices.alertOnce(a.consultationId(), "ACTION_OVERDUE", a.id() + ":w" + week, List.of(owner),
                    "Overdue action: " + a.what(),
                    "The action \"" + a.what() + "\", promised in the feedback on consultation " + a.consultationId()
                            + ", was due on " + a.due() + ". Mark it done when it is (PATCH /api/consultations/"
                            + a.consultationId() + "/actions/" + a.id() + ").")) {
                actionReminders++;
            }
        }
        return reminders + " reminders, " + breaches + " breaches, " + actionReminders + " action reminders";
    }
}
