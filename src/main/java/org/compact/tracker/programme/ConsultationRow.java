package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.consultation.ConsultationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One consultation as this package reads it from the register: only what may be published (no officer, no
 * targeted organisation, no contact), its agency's name, and the headline of its feedback if any.
 *
 * @param changedAt the last step or change the public would notice (history), or the last edit when there is none
 * @param lastReceiptAt when the last organisation to receive its notice received it (null: none received any)
 * @param noticePending whether some targeted organisation's notice is still being delivered
 * @param version       the consultation's version, which grows with every change (the calendar's SEQUENCE)
 */
record ConsultationRow(
        long id,
        long agencyId,
        String agency,
        ConsultationStatus status,
        String title,
        String summary,
        List<String> themes,
        List<String> areas,
        @Nullable LocalDate decisionDate,
        @Nullable LocalDate opensOn,
        @Nullable LocalDate closesOn,
        @Nullable LocalDate notifiedOn,
        @Nullable LocalDate closedOn,
        @Nullable LocalDate withdrawnOn,
        @Nullable String withdrawalReason,
        Instant createdAt,
        Instant changedAt,
        @Nullable String outcome,
        @Nullable String weDid,
        @Nullable Instant feedbackAt,
        @Nullable Instant lastReceiptAt,
        boolean noticePending,
        long version,
        HowToRespond howToRespond,
        List<ConsultationEvent> events) {

    /** A row without ways to respond or events (as tests build them). */
    ConsultationRow(long id, long agencyId, String agency, ConsultationStatus status, String title, String summary,
                    List<String> themes, List<String> areas, @Nullable LocalDate decisionDate,
                    @Nullable LocalDate opensOn, @Nullable LocalDate closesOn, @Nullable LocalDate notifiedOn,
                    @Nullable LocalDate closedOn, @Nullable LocalDate withdrawnOn, @Nullable String withdrawalReason,
                    Instant createdAt, Instant changedAt, @Nullable String outcome, @Nullable String weDid,
                    @Nullable Instant feedbackAt, @Nullable Instant lastReceiptAt, boolean noticePending) {
        this(id, agencyId, agency, status, title, summary, themes, areas, decisionDate, opensOn, closesOn, notifiedOn,
                closedOn, withdrawnOn, withdrawalReason, createdAt, changedAt, outcome, weDid, feedbackAt,
                lastReceiptAt, noticePending, 0, HowToRespond.NONE, List.of());
    }

    /** The same row with its agency named otherwise (a joint consultation: the lead with its partners). */
    ConsultationRow withAgency(String named) {
        return new ConsultationRow(id, agencyId, named, status, title, summary, themes, areas, decisionDate, opensOn,
                closesOn, notifiedOn, closedOn, withdrawnOn, withdrawalReason, createdAt, changedAt, outcome, weDid,
                feedbackAt, lastReceiptAt, noticePending);
    }

    boolean hasFeedback() {
        return outcome != null && status == ConsultationStatus.FEEDBACK_GIVEN;
    }

    /** Withdrawn before any organisation was told: never part of anyone's earlier work. */
    boolean withdrawnBeforeNotice() {
        return status == ConsultationStatus.WITHDRAWN && notifiedOn == null;
    }
}
