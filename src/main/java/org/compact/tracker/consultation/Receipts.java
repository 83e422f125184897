package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.notice.NoticeReceipts;
import org.compact.tracker.rules.NoticeReceipt;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * When each organisation a consultation notified received its notice, as the rules count it: the day, in the
 * service's zone, the mail server accepted the first of its contacts' notices.
 */
@Singleton
class Receipts {
    private final NoticeReceipts receipts;
    private final Clock clock;

    Receipts(NoticeReceipts receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Empty while the consultation is planned, or when its notice reached no organisation. */
    List<NoticeReceipt> of(Consultation c) {
        if (c.getId() == null || c.getNotifiedOn() == null) {
            return List.of();
        }
        return receipts.of(c.getId()).stream().map(r -> r.receivedAt() == null
                ? NoticeReceipt.notReceived(r.organisationId(), r.name(), r.givenUp())
                : NoticeReceipt.received(r.organisationId(), r.name(), LocalDate.ofInstant(r.receivedAt(), clock.getZone())))
                .toList();
    }
}
