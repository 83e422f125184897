package org.compact.tracker.web.pages;

import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleBook;

import java.time.LocalDate;

/** The next date a consultation's officer must watch, by its status: the notice deadline, opening, closing, feedback. */
@Singleton
class Deadlines {
    private final RuleBook rules;
    private final FeedbackRules feedback;

    Deadlines(RuleBook rules, FeedbackRules feedback) {
        this.rules = rules;
        this.feedback = feedback;
    }

    /** "Notify by 11 December 2026", or "" when nothing is due. */
    String next(ConsultationView c) {
        return switch (c.status()) {
            case PLANNED -> c.opensOn() == null ? "Set the dates" : "Notify by " + Labels.day(rules.noticeDeadline(c.opensOn()));
            case NOTIFIED -> "Opens " + Labels.day(c.opensOn());
            case OPEN -> "Closes " + Labels.day(c.closesOn());
            case CLOSED -> feedbackDue(c) == null ? "Feedback due" : "Feedback due by " + Labels.day(feedbackDue(c));
            case FEEDBACK_GIVEN, WITHDRAWN -> "";
        };
    }

    LocalDate feedbackDue(ConsultationView c) {
        LocalDate closed = c.closesOn() != null ? c.closesOn() : c.closedOn();
        return closed == null ? null : feedback.dueDate(closed);
    }

    LocalDate noticeDeadline(ConsultationView c) {
        return c.opensOn() == null ? null : rules.noticeDeadline(c.opensOn());
    }
}
