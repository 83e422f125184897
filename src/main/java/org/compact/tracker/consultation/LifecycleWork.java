package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;

/** Opens and closes consultations whose dates have come. */
@Singleton
class LifecycleWork implements DueWork {
    private final DueSteps due;

    LifecycleWork(DueSteps due) {
        this.due = due;
    }

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public String runDue() {
        DueSteps.Run run = due.openAndCloseDue();
        return "opened " + run.opened() + ", held " + run.held() + ", closed " + run.closed();
    }
}
