package org.compact.tracker.rules;

import java.time.LocalDate;

/**
 * When one organisation a consultation notified received its notice: the day (in Europe/London) the mail server
 * accepted the first of its contacts' notices. {@code receivedOn} is null while no notice of it has been accepted:
 * {@code givenUp} then says whether every one of them was given up (FAILED) rather than still queued.
 */
public record NoticeReceipt(long organisationId, String name, LocalDate receivedOn, boolean givenUp) {

    public static NoticeReceipt received(long organisationId, String name, LocalDate on) {
        return new NoticeReceipt(organisationId, name, on, false);
    }

    public static NoticeReceipt notReceived(long organisationId, String name, boolean givenUp) {
        return new NoticeReceipt(organisationId, name, null, givenUp);
    }

    public boolean received() {
        return receivedOn != null;
    }
}
