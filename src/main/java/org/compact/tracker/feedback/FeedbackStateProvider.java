package org.compact.tracker.feedback;

import jakarta.inject.Singleton;
import org.compact.tracker.consultation.FeedbackState;

import java.time.LocalDate;
import java.util.List;

/** Tells the register what it needs of feedback for its checks. Depends on nothing but feedback's own tables. */
@Singleton
class FeedbackStateProvider implements FeedbackState {
    private final FeedbackRepository feedback;
    private final FeedbackActionRepository actions;
    private final java.time.Clock clock;

    FeedbackStateProvider(FeedbackRepository feedback, FeedbackActionRepository actions, java.time.Clock clock) {
        this.feedback = feedback;
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public LocalDate givenOn(long consultationId) {
        return feedback.findById(consultationId).map(f -> f.recordedAt().atZone(clock.getZone()).toLocalDate())
                .orElse(null);
    }

    @Override
    public List<LocalDate> openActionDues(long consultationId) {
        return actions.findByConsultationIdOrderById(consultationId).stream()
                .filter(a -> a.doneOn() == null).map(FeedbackAction::due).toList();
    }
}
