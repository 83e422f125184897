package org.compact.tracker.web.pages;

import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.support.Wording;

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
            case PLANNED -> c.opensOn() == null ? "Set the dates" : "Notify by " + Wording.day(rules.noticeDeadline(c.opensOn()));
            case NOTIFIED -> "Opens " + Wording.day(c.opensOn());
            case OPEN -> "Closes " + Wording.day(c.closesOn());
            case CLOSED -> feedbackDue(c) == null ? "Feedback due" : "Feedback due by " + Wording.day(feedbackDue(c));
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
