package org.compact.tracker.clock;

/**
 * Work the scheduler runs when its time has come. The sim clock runs every bean of this type after it moves, so
 * advancing the clock has the effects the scheduler would have had.
 */
public interface DueWork {
    /** A short name for reports, e.g. "lifecycle". */
    String name();

    /** Does whatever is due at the clock's current time; safe to run again (idempotent). */
    String runDue();

    /**
     * Where this work comes when the sim clock runs everything that became due: lower first. Work that queues mail
     * comes before the work that delivers it, so one step of the clock also delivers what that step caused.
     */
    default int order() {
        return 0;
    }
}
