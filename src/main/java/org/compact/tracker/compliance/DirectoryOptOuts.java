package org.compact.tracker.compliance;

/** The shared directory's opt-outs on the report day, all agencies (OPT_OUT is about no period). */
record DirectoryOptOuts(long organisations, long optedOutOfAll, long optedOutOfSomeThemes, long contactsUnsubscribed) {
}
