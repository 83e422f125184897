package org.compact.tracker.organisation;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;

/** Ends the changes of contacts whose time to confirm is over (hourly), so the change log says they expired. */
@Singleton
class ContactChangeExpiry implements DueWork {
    private final ContactChanges changes;

    ContactChangeExpiry(ContactChanges changes) {
        this.changes = changes;
    }

    @Override
    public String name() {
        return "contact changes";
    }

    @Override
    public String runDue() {
        return changes.expireDue() + " held changes of contacts expired";
    }
}
