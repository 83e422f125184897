package org.compact.tracker.rules;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What the FEEDBACK and ACTION rules look at.
 *
 * @param closesOn        the last day the consultation took responses (feedback falls due from it)
 * @param closed          whether the consultation has closed (feedback is chased only then)
 * @param feedbackGivenOn when feedback was recorded and sent, or null
 * @param openActionDues  the due dates of promised actions not yet done
 * @param decisionDate    the day the decision is to be taken, or null: feedback says what was decided, so a decision
 *                        after the feedback due date is warned of
 */
public record FeedbackFacts(LocalDate today, @Nullable LocalDate closesOn, boolean closed,
                            @Nullable LocalDate feedbackGivenOn, List<LocalDate> openActionDues,
                            @Nullable LocalDate decisionDate) {

    /** The facts without a decision date (none recorded, or not looked at). */
    public FeedbackFacts(LocalDate today, @Nullable LocalDate closesOn, boolean closed,
                         @Nullable LocalDate feedbackGivenOn, List<LocalDate> openActionDues) {
        this(today, closesOn, closed, feedbackGivenOn, openActionDues, null);
    }
}
