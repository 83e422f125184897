package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.NoticeReceipts;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.RespondCheck;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;
import org.compact.tracker.support.Wording;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Moves consultations through the steps of the {@link Step} table. Every step checks the Compact's rules first and is
 * refused, naming the rule, when a BLOCK rule fails without a recorded exemption; the mail a step owes organisations
 * is queued through notice in the same transaction, so it exists exactly when the step is taken. A refused step
 * writes nothing.
 */
@Singleton
public class Lifecycle {
    private final ConsultationStore store;
    private final RuleChecks checks;
    private final NoticeContents contents;
    private final NoticeService notices;
    private final NoticeReceipts receipts;
    private final RuleBook rules;
    private final Clock clock;

    Lifecycle(ConsultationStore store, RuleChecks checks, NoticeContents contents, NoticeService notices,
              NoticeReceipts receipts, RuleBook rules, Clock clock) {
        this.store = store;
        this.checks = checks;
        this.contents = contents;
        this.notices = notices;
        this.receipts = receipts;
        this.rules = rules;
        this.clock = clock;
    }

    /** Sends notice: PLANNED → NOTIFIED, refused when PRIOR_WORK, INFLUENCE or DURATION fails without exemption,
     * or when it does not say where to respond (NOTICE, field howToRespond). */
    @Transactional
    public ConsultationView notify(Actor actor, Long id) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        c.markNotified(clock.instant(), today());
        List<Check> judged = checks.checks(c);
        HowToRespond respond = c.getHowToRespond().cleaned();
        Check wayToRespond = RespondCheck.judge(respond.url() != null, respond.email() != null,
                respond.postalAddress() != null);
        RuleChecks.refuseIfAny(rules.blocking(judged, Step.NOTIFY.gate()), wayToRespond.failed() ? wayToRespond : null,
                Step.NOTIFY.action());
        Consultation saved = store.save(c);
        NoticeService.Queued queued = notices.queueNotices(contents.of(saved), NoticeContents.targets(saved));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("checks", judged.stream().filter(ch -> ch.verdict() != Verdict.PASS).toList());
        detail.put("notices", queued);
        store.record(saved, actor, HistoryEntry.Kind.NOTIFIED, ConsultationStatus.PLANNED, ConsultationStatus.NOTIFIED,
                Wording.count(queued.contacts(), "notice", "notices") + " queued to "
                        + Wording.count(queued.organisations(), "organisation", "organisations"), detail);
        ConsultationStore.log(saved, "notified by {}", actor.username());
        return checks.view(saved, judged);
    }

    /**
     * Sends the notice again to the current contacts of {@code organisationIds} (when the first never arrived: a
     * wrong address, a notice given up), recorded in the history. Only while NOTIFIED or OPEN (409 otherwise); 422
     * naming each id that is not targeted, opted out or has no contact that may be mailed, with nothing queued.
     */
    @Transactional
    public NoticeReceipts.Resent resendNotice(Actor actor, Long id, @Nullable List<Long> organisationIds) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        if (c.getStatus() != ConsultationStatus.NOTIFIED && c.getStatus() != ConsultationStatus.OPEN) {
            throw Refusal.conflict("Notice can be sent again only while the consultation is NOTIFIED or OPEN; it is "
                    + c.getStatus() + ".");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("organisationIds", organisationIds == null ? List.of() : organisationIds);
        HistoryEntry entry = store.record(c, actor, HistoryEntry.Kind.NOTICE_RESENT, null, null,
                "Notice sent again to the current contacts of the organisations named.", detail);
        NoticeReceipts.Resent resent = receipts.resend(contents.of(c), NoticeContents.targets(c), organisationIds,
                entry.id());
        ConsultationStore.log(c, "notice resent by {}", actor.username());
        return resent;
    }

    /** Opens for responses: NOTIFIED → OPEN, refused before a full notice period (NOTICE) without exemption. */
    @Transactional
    public ConsultationView open(Actor actor, Long id) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        return checks.view(openNow(c, actor));
    }

    /** Stops taking responses: OPEN → CLOSED. Closing early must still leave enough time (DURATION). */
    @Transactional
    public ConsultationView close(Actor actor, Long id) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        return checks.view(closeNow(c, actor));
    }

    /**
     * Feedback recorded: CLOSED → FEEDBACK_GIVEN. Called by the feedback feature inside the transaction that
     * records the feedback and queues its mail, after it checked the feedback is complete (FEEDBACK).
     */
    @Transactional
    public void feedbackGiven(Actor actor, Long id, String summary) {
        Consultation c = store.load(id);
        actor.requireMayActForAny(agencies(c));
        c.markFeedbackGiven();
        Consultation saved = store.save(c);
        store.record(saved, actor, HistoryEntry.Kind.FEEDBACK_GIVEN, ConsultationStatus.CLOSED,
                ConsultationStatus.FEEDBACK_GIVEN, summary, null);
        ConsultationStore.log(saved, "feedback given by {}", actor.username());
    }

    /** Withdraws a consultation that has not closed, with a reason that everyone notified is told. */
    @Transactional
    public ConsultationView withdraw(Actor actor, Long id, @Nullable String reason) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "Say why the consultation is withdrawn: everyone notified is told.");
        }
        Text.plain("reason", reason);
        ConsultationStatus from = c.getStatus();
        c.markWithdrawn(today(), reason.strip());
        Consultation saved = store.save(c);
        if (from != ConsultationStatus.PLANNED) {
            notices.queueWithdrawal(contents.of(saved), reason.strip());
        }
        store.record(saved, actor, HistoryEntry.Kind.WITHDRAWN, from, ConsultationStatus.WITHDRAWN, reason.strip(), null);
        ConsultationStore.log(saved, "withdrawn by {}", actor.username());
        return checks.view(saved);
    }

    /**
     * Opens today, by hand or when due: every organisation notified must have had its full notice from its own
     * receipt (NOTICE) and, opening later than planned, it must still be open the minimum period to its close date
     * (DURATION), unless exempted. Opening on another day than the one the notice gave is a change everyone notified
     * is told of, with their calendar's events moved; the history says so.
     */
    Consultation openNow(Consultation c, Actor actor) {
        LocalDate today = today();
        LocalDate planned = c.getOpensOn();
        if (c.getStatus() == ConsultationStatus.NOTIFIED) {
            Set<RuleId> exempted = checks.exempted(c);
            List<Check> failing = new ArrayList<>(checks.noticeToOpen(c, today, exempted));
            Stream.of(rules.durationIfOpenedOn(today, c.getClosesOn(), exempted.contains(RuleId.DURATION)))
                    .filter(Check::failed).forEach(failing::add);
            RuleChecks.refuseIfAny(failing, Step.OPEN.action());
        }
        c.markOpened(today);
        Consultation saved = store.save(c);
        boolean moved = planned != null && !planned.equals(today);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (moved) {
            detail.put("plannedOpensOn", planned.toString());
            detail.put("openedOn", today.toString());
        }
        HistoryEntry entry = store.record(saved, actor, HistoryEntry.Kind.OPENED, ConsultationStatus.NOTIFIED,
                ConsultationStatus.OPEN, moved ? "Opened " + (today.isBefore(planned) ? "early" : "late") + ", on "
                        + today + ", not on " + planned + " as its notice said: everyone notified is told." : null,
                moved ? detail : null);
        if (moved) {
            notices.queueOpenedOn(contents.openedAs(saved), entry.id(), today, planned);
        }
        ConsultationStore.log(saved, "opened by {}", actor.username());
        return saved;
    }

    private Consultation closeNow(Consultation c, Actor actor) {
        LocalDate today = today();
        if (c.getStatus() == ConsultationStatus.OPEN) {
            LocalDate opened = c.getOpenedOn() != null ? c.getOpenedOn() : c.getOpensOn();
            RuleChecks.refuseIfAny(Stream.of(rules.mayCloseOn(opened, c.getClosesOn(), today,
                    checks.exempted(c).contains(RuleId.DURATION))).filter(Check::failed).toList(), Step.CLOSE.action());
        }
        LocalDate planned = c.getClosesOn();
        c.markClosed(today);
        Consultation saved = store.save(c);
        boolean early = planned != null && today.isBefore(planned);
        HistoryEntry entry = store.record(saved, actor, HistoryEntry.Kind.CLOSED, ConsultationStatus.OPEN,
                ConsultationStatus.CLOSED, early ? "Closed early: it was to close at the end of " + planned + "." : null, null);
        if (early) {
            // Organisations were told it would take responses until the end of the close date: a change they hear of.
            notices.queueClosedEarly(contents.of(saved), entry.id(), today, planned);
        }
        ConsultationStore.log(saved, "closed by {}", actor.username());
        return saved;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The lead agency and the partners of a joint consultation: who may record its feedback. */
    static List<Long> agencies(Consultation c) {
        return agencies(c.getPartnerAgencyIds(), c.getAgencyId());
    }

    static List<Long> agencies(List<Long> partners, Long lead) {
        return Stream.concat(Stream.of(lead), partners.stream()).toList();
    }
}
