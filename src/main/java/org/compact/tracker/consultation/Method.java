package org.compact.tracker.consultation;

/** How people can take part. Codes are stable: partners' scripts use them. */
public enum Method {
    ONLINE_SURVEY, PAPER_SURVEY, PUBLIC_MEETING, ONLINE_MEETING, DROP_IN, FOCUS_GROUP, WORKSHOP, INTERVIEW,
    CITIZENS_PANEL, OUTREACH, WRITTEN_RESPONSE
}
