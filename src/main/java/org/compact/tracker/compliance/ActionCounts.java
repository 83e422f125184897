package org.compact.tracker.compliance;

/** The actions promised in the feedback of counted consultations, for one agency or added up. */
record ActionCounts(long promised, long done, long doneOnTime, long open, long overdue) {
    static final ActionCounts NONE = new ActionCounts(0, 0, 0, 0, 0);

    ActionCounts plus(ActionCounts o) {
        return new ActionCounts(promised + o.promised, done + o.done, doneOnTime + o.doneOnTime, open + o.open,
                overdue + o.overdue);
    }

    /** Done or not yet due: ACTION's rate is these of the promised ones. */
    long onTrack() {
        return promised - overdue;
    }
}
