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

    /** The legal next statuses: the whole transition table. */
    public Set<ConsultationStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(NOTIFIED, WITHDRAWN);
            case NOTIFIED -> EnumSet.of(OPEN, WITHDRAWN);
            case OPEN -> EnumSet.of(CLOSED, WITHDRAWN);
            case CLOSED -> EnumSet.of(FEEDBACK_GIVEN);
            case FEEDBACK_GIVEN, WITHDRAWN -> EnumSet.noneOf(ConsultationStatus.class);
        };
    }

    public boolean canMoveTo(ConsultationStatus target) {
        return next().contains(target);
    }
}
