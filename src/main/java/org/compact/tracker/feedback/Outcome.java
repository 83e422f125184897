package org.compact.tracker.feedback;

/** What the consultation changed. NO_CHANGE needs its reasons: feedback is owed "even when no change has been made". */
public enum Outcome { CHANGED, PARTLY_CHANGED, NO_CHANGE }
