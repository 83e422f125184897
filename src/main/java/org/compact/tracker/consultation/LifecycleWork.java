package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;

/** Opens and closes consultations whose dates have come. */
@Singleton
class LifecycleWork implements DueWork {
    private final ConsultationService consultations;

    LifecycleWork(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public String runDue() {
        ConsultationService.LifecycleRun run = consultations.openAndCloseDue();
        return "opened " + run.opened() + ", held " + run.held() + ", closed " + run.closed();
    }
}
