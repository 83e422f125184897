package org.compact.tracker.consultation;

import java.util.EnumSet;
import java.util.Set;

/** Where a consultation is in its life. */
public enum ConsultationStatus {
    /** Registered and being prepared; third-sector organisations have not yet been told. */
    PLANNED,
    /** Notice has gone to the targeted organisations; the one-month notice period is running. */
    NOTIFIED,
    /** Open for responses. */
    OPEN,
    /** No longer taking responses; feedback is now due. */
    CLOSED,
    /** Feedback has been given to everyone notified and everyone who took part. */
    FEEDBACK_GIVEN,
    /** Stopped before it closed, with a reason told to everyone already notified. */
    WITHDRAWN;

    /** The statuses in which a consultation still asks something of organisations (for OVERLOAD). */
    public static final Set<ConsultationStatus> LIVE = EnumSet.of(PLANNED, NOTIFIED, OPEN);

    /** The legal next statuses, as the {@link Step} table has them. */
    public Set<ConsultationStatus> next() {
        Set<ConsultationStatus> next = EnumSet.noneOf(ConsultationStatus.class);
        Step.from(this).forEach(step -> next.add(step.to()));
        return next;
    }

    public boolean canMoveTo(ConsultationStatus target) {
        return next().contains(target);
    }
}
