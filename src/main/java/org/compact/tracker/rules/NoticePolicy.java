package org.compact.tracker.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * NOTICE: third-sector organisations hear of a consultation at least one calendar month before it opens (seed 001,
 * Public Sector commitments), so that small groups can meet and decide whether and how to take part.
 *
 * <p>A calendar month is counted as {@link LocalDate#plus} counts it: notice on 31 January gives a month on
 * 28 February (29 February in a leap year). The consultation may open on the day the period has run, never before:
 * notice on 15 March allows opening on 15 April, and 14 April, the last day of the notice period, is refused.
 *
 * <p>Once notice has gone out, each organisation's period counts from its own receipt (the day the mail server
 * accepted the first of its contacts' notices), not from the day the officer sent it: the consultation may open on a
 * day when every organisation notified has had the whole period. A notice still queued, or given up, has not been
 * received. When notice reached no organisation at all, the period counts from the day it was sent.
 */
final class NoticePolicy implements RulePolicy {

    /** Enough to walk past a month end (31 → 28 February is three days); bounds the search for the deadline. */
    private static final int LONGEST_MONTH_END_SLACK = 4;

    private final Period period;
    private final String periodInWords;

    NoticePolicy(RuleSettings settings) {
        this.period = settings.noticePeriod();
        this.periodInWords = Periods.describe(period);
    }

    @Override
    public RuleId id() {
        return RuleId.NOTICE;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        if (facts.notifiedOn() == null) {
            return whilePlanned(facts.today(), facts.opensOn());
        }
        return facts.receipts().isEmpty() ? onceNotified(facts.notifiedOn(), facts.opensOn())
                : fromReceipts(facts.receipts(), facts.opensOn());
    }

    /**
     * May a consultation notified on {@code notifiedOn}, whose organisations received it as {@code receipts} say,
     * open on {@code day}? FAIL naming every organisation that has not had the whole period from its own receipt.
     */
    Check mayOpenOn(LocalDate notifiedOn, List<NoticeReceipt> receipts, LocalDate day) {
        if (notifiedOn == null || receipts.isEmpty()) {
            return mayOpenOn(notifiedOn, day);
        }
        List<Check> short_ = shortOfNotice(receipts, day);
        if (short_.isEmpty()) {
            LocalDate last = receipts.stream().map(NoticeReceipt::receivedOn).max(Comparator.naturalOrder()).orElseThrow();
            return Check.pass(id(), "Every organisation notified had received the notice by " + last + "; "
                    + periodInWords + " has run for each, so it may open on " + day + ".");
        }
        return Check.fail(id(), summary(short_.size(), receipts.size()) + " " + short_.stream().limit(3)
                .map(Check::reason).reduce((a, b) -> a + " " + b).orElse("")
                + (short_.size() > 3 ? " And " + (short_.size() - 3) + " more." : ""));
    }

    /**
     * One FAIL per organisation that has not had the whole period from its own receipt on {@code day}, saying from
     * which day it may open, or that its notice has not been received (still queued, or given up); empty when none.
     */
    List<Check> shortOfNotice(List<NoticeReceipt> receipts, LocalDate day) {
        return receipts.stream().filter(r -> !r.received() || day.isBefore(earliestOpening(r.receivedOn())))
                .map(r -> Check.fail(id(), r.received()
                        ? who(r) + " received the notice on " + r.receivedOn() + ", so it may open from "
                        + earliestOpening(r.receivedOn()) + ", not on " + day + "."
                        : who(r) + " has not received the notice: " + (r.givenUp()
                        ? "the mail server refused it and it was given up. Correct the contact and send it again, "
                        : "it is still waiting for the mail server. Once it is taken, " + periodInWords
                        + " runs from that day; or correct the contact and send it again, ")
                        + "or record a NOTICE exemption."))
                .toList();
    }

    /**
     * The first day every organisation in {@code receipts} has had the whole period from its own receipt; null
     * while one has not received it.
     */
    LocalDate earliestOpening(List<NoticeReceipt> receipts) {
        if (receipts.stream().anyMatch(r -> !r.received())) {
            return null;
        }
        return receipts.stream().map(NoticeReceipt::receivedOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(this::earliestOpening).orElse(null);
    }

    private Check fromReceipts(List<NoticeReceipt> receipts, LocalDate opensOn) {
        LocalDate earliest = earliestOpening(receipts);
        if (earliest == null) {
            List<NoticeReceipt> waiting = receipts.stream().filter(r -> !r.received()).toList();
            boolean givenUp = waiting.stream().anyMatch(NoticeReceipt::givenUp);
            String reason = shortOfNotice(waiting, opensOn == null ? LocalDate.MAX : opensOn).stream().limit(3)
                    .map(Check::reason).reduce((a, b) -> a + " " + b).orElse("")
                    + (waiting.size() > 3 ? " And " + (waiting.size() - 3) + " more." : "");
            return givenUp ? Check.fail(id(), reason) : Check.warn(id(), reason);
        }
        LocalDate last = receipts.stream().map(NoticeReceipt::receivedOn).max(Comparator.naturalOrder()).orElseThrow();
        String mayOpen = "The last organisation notified received the notice on " + last
                + "; the consultation may open from " + earliest + " (" + periodInWords + " from each one's receipt)";
        if (opensOn != null && opensOn.isBefore(earliest)) {
            return Check.fail(id(), mayOpen + ", not on " + opensOn + ".");
        }
        return Check.pass(id(), mayOpen + ".");
    }

    private String summary(int shortCount, int all) {
        return shortCount == 1 && all == 1 ? "The organisation notified has not had " + periodInWords + " of notice."
                : shortCount + " of the " + all + " organisations notified have not had " + periodInWords
                + " of notice from their receipt.";
    }

    private static String who(NoticeReceipt r) {
        return r.name() + " (organisation " + r.organisationId() + ")";
    }

    /** The first day a consultation whose notice went out on {@code notifiedOn} may open. */
    LocalDate earliestOpening(LocalDate notifiedOn) {
        return notifiedOn.plus(period);
    }

    /**
     * The last day notice can go out and still give the full period before {@code opensOn}. Usually the open date
     * less the period; at a month end it is later: to open on 28 February, notice on 31 January is still a month.
     */
    LocalDate deadline(LocalDate opensOn) {
        LocalDate deadline = opensOn.minus(period);
        // Subtracting a mixed period (P1M14D) can land too late: step back until it gives the full period.
        for (int day = 0; day < LONGEST_MONTH_END_SLACK && earliestOpening(deadline).isAfter(opensOn); day++) {
            deadline = deadline.minusDays(1);
        }
        for (int day = 0; day < LONGEST_MONTH_END_SLACK && !earliestOpening(deadline.plusDays(1)).isAfter(opensOn);
                day++) {
            deadline = deadline.plusDays(1);
        }
        return deadline;
    }

    /** May a consultation notified on {@code notifiedOn} open on {@code day}? Asked by the open transition. */
    Check mayOpenOn(LocalDate notifiedOn, LocalDate day) {
        if (notifiedOn == null) {
            return Check.fail(id(), "No notice has gone out yet; notify the organisations " + periodInWords
                    + " before opening.");
        }
        LocalDate earliest = earliestOpening(notifiedOn);
        if (day.isBefore(earliest)) {
            return Check.fail(id(), "Notice went out on " + notifiedOn + "; the notice period runs until "
                    + earliest.minusDays(1) + ", so it may open from " + earliest + ", not on " + day + ".");
        }
        return Check.pass(id(), "Notice went out on " + notifiedOn + "; " + periodInWords + " has run, so it may open on "
                + day + ".");
    }

    private Check whilePlanned(LocalDate today, LocalDate opensOn) {
        if (opensOn == null) {
            return Check.warn(id(), "No open date yet: set one to know when notice must go out.");
        }
        LocalDate deadline = deadline(opensOn);
        if (today.isAfter(deadline)) {
            return Check.fail(id(), "The notice deadline for opening on " + opensOn + " was " + deadline
                    + "; notice sent on " + today + " gives less than " + periodInWords + ". Open on "
                    + earliestOpening(today) + " or later, or record an exemption.");
        }
        return Check.pass(id(), "Notify by " + deadline + " to give " + periodInWords + " before opening on "
                + opensOn + ".");
    }

    private Check onceNotified(LocalDate notifiedOn, LocalDate opensOn) {
        LocalDate earliest = earliestOpening(notifiedOn);
        String mayOpen = "Notice went out on " + notifiedOn + "; the consultation may open from " + earliest
                + " (" + periodInWords + ")";
        if (opensOn != null && opensOn.isBefore(earliest)) {
            return Check.fail(id(), mayOpen + ", not on " + opensOn + ".");
        }
        return Check.pass(id(), mayOpen + ".");
    }
}
