package org.compact.tracker.compliance;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.mail.OutgoingMail;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Queues a month's letters in one transaction with the row that claims the month: the letters go once per month
 * however many nodes run the job, and never half of them (a node that finds the month claimed queues nothing).
 */
@Singleton
class LetterPost {
    private final ComplianceLetterRepository months;
    private final Outbox outbox;

    LetterPost(ComplianceLetterRepository months, Outbox outbox) {
        this.months = months;
        this.outbox = outbox;
    }

    /** Claims {@code month} and queues {@code letters}; false, queuing nothing, when the month was claimed already. */
    @Transactional
    public boolean post(YearMonth month, List<OutgoingMail> letters, Instant now) {
        if (months.claim(month.toString(), now, letters.size()) == 0) {
            return false;
        }
        letters.forEach(outbox::enqueue);
        return true;
    }

    @Transactional
    public boolean posted(YearMonth month) {
        return months.findById(month.toString()).isPresent();
    }
}
