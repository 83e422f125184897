package org.compact.tracker.security;

/** What a user may do. Names are used as-is in tokens and in {@code @Secured}. */
public enum Role {
    /** Manages agencies and users; may act for every agency. */
    ADMIN,
    /** A council (or other public body) officer: runs the consultations of their own agency. */
    OFFICER,
    /** Monitors compliance: reads everything, changes nothing. */
    MONITOR;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String OFFICER_NAME = "OFFICER";
    public static final String MONITOR_NAME = "MONITOR";
}
