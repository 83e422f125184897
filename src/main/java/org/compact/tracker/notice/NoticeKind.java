package org.compact.tracker.notice;

/** Why an organisation is mailed about a consultation. */
public enum NoticeKind {
    /** The request to take part, at least a month before opening (NOTICE). */
    NOTICE,
    /** Dates or what is open to change have changed since notice. */
    CHANGE,
    /** The consultation was withdrawn, with the reason. */
    WITHDRAWAL,
    /** What was heard, what was decided and why: "you said, we did". */
    FEEDBACK
}
