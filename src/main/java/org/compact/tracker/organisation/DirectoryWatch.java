package org.compact.tracker.organisation;

/**
 * Told, in the transaction of a change to the directory and after it, that an organisation was added or changed: a
 * port for what keeps facts derived from the directory (the consultations' resolved targets), which this package
 * does not know.
 */
public interface DirectoryWatch {
    void changed(long organisationId);
}
