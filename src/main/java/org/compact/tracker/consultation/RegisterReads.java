package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.DeliveryReport;
import org.compact.tracker.notice.NoticeContent;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.rules.NoticeReceipt;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.ConsultationStamps;
import org.compact.tracker.support.RegisterStamp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The register as it is read: one consultation with its checks, a page of the list, a summary, its mail. The two
 * busiest reads are kept while their stamps (read first) and the day stay the same: see {@link KeptReads}.
 */
@Singleton
public class RegisterReads {
    private final ConsultationStore store;
    private final ConsultationRepository consultations;
    private final RuleChecks checks;
    private final KeptReads kept;
    private final NoticeContents contents;
    private final NoticeService notices;
    private final RegisterStamp stamp;
    private final ConsultationStamps stamps;
    private final RuleBook rules;
    private final Clock clock;

    RegisterReads(ConsultationStore store, ConsultationRepository consultations, RuleChecks checks, KeptReads kept,
                  NoticeContents contents, NoticeService notices, RegisterStamp stamp, ConsultationStamps stamps, RuleBook rules,
                  Clock clock) {
        this.store = store;
        this.consultations = consultations;
        this.checks = checks;
        this.kept = kept;
        this.contents = contents;
        this.notices = notices;
        this.stamp = stamp;
        this.stamps = stamps;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * A consultation with its exemptions and rule checks, reused while nothing that can alter them changed: its own
     * stamp and the directory's, read first (a change to another consultation moves this one's stamp only when it can
     * alter its checks). A notified consultation's NOTICE check moves as its organisations receive their notices: each
     * first receipt moves its stamp (notice.ReceiptStamp), so a kept view is never older than the last receipt.
     */
    public ConsultationView get(Long id) {
        Optional<ConsultationStamps.Stamps> now = stamps.current(id);
        if (now.isEmpty()) {
            return checks.view(store.load(id));
        }
        return kept.view(id, now.get(), LocalDate.now(clock), () -> checks.view(store.load(id)));
    }

    /** A page of the register, without checks; reused like {@link #get}. */
    public List<ConsultationView> list(@Nullable ConsultationStatus status, @Nullable Long agencyId,
                                       @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
        long now = stamp.current();
        return kept.page(new KeptReads.PageKey(status, agencyId, from, to, page, size), now, LocalDate.now(clock),
                () -> search(status, agencyId, from, to, page, size));
    }

    /**
     * A page of the register rendered by {@code render} (the API: JSON bytes), reused as {@link #list} is: a page
     * asked for again while nothing changed is neither read nor rendered again.
     */
    public <T> T listRendered(@Nullable ConsultationStatus status, @Nullable Long agencyId, @Nullable LocalDate from,
                              @Nullable LocalDate to, int page, int size, Function<List<ConsultationView>, T> render) {
        long now = stamp.current();
        return kept.renderedPage(new KeptReads.PageKey(status, agencyId, from, to, page, size), now, LocalDate.now(clock),
                () -> render.apply(search(status, agencyId, from, to, page, size)));
    }

    private List<ConsultationView> search(@Nullable ConsultationStatus status, @Nullable Long agencyId,
                                          @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
        return store.withPartners(consultations.search(status == null ? null : status.name(), agencyId, from, to, size,
                (long) page * size)).stream().map(c -> ConsultationView.of(c, null, null)).toList();
    }

    /** The consultation's title and status, without running its checks. */
    public ConsultationSummary summary(Long id) {
        return ConsultationSummary.of(store.load(id));
    }

    /** The agency a consultation belongs to, its lead (404 if there is none), for features that check who may act. */
    public Long agencyOf(Long id) {
        return store.load(id).getAgencyId();
    }

    /**
     * The lead agency and then the partner agencies of a consultation (404 if there is none): the agencies whose
     * officers read it in full and record its feedback, actions and answers to concerns.
     */
    public List<Long> agenciesOf(Long id) {
        Consultation c = store.load(id);
        return Stream.concat(Stream.of(c.getAgencyId()), c.getPartnerAgencyIds().stream()).toList();
    }

    /** Closed consultations still owed feedback (the feedback chase looks at these). */
    public List<ConsultationSummary> closedAwaitingFeedback() {
        return consultations.findByStatus(ConsultationStatus.CLOSED).stream().map(ConsultationSummary::of).toList();
    }

    /** What a notice says, for features that mail organisations about a consultation. */
    public NoticeContent noticeContent(Long id) {
        return contents.of(store.load(id));
    }

    /**
     * The delivery report as {@code actor} may read it: the organisations' mail for any signed-in role; the addresses
     * of the people who took part only for admins, monitors and officers of the consultation's agencies (as the
     * participants list itself).
     */
    public DeliveryReport deliveries(Actor actor, Long id) {
        Consultation c = store.load(id);
        DeliveryReport report = withMayOpenFrom(notices.report(id));
        return actor.mayReadPeopleOfAny(Lifecycle.agencies(c)) ? report : report.withParticipantsHidden();
    }

    /**
     * Each contact's mail about the consultation and the totals (queued, sent, failed, acknowledged), with the
     * participants' addresses: for the service's own use (counts); a reader gets {@link #deliveries(Actor, Long)}.
     */
    public DeliveryReport deliveries(Long id) {
        store.load(id);
        return withMayOpenFrom(notices.report(id));
    }

    /** Each organisation's first day to open, as the rules count NOTICE from its receipt. */
    private DeliveryReport withMayOpenFrom(DeliveryReport report) {
        return report.withMayOpenFrom(o -> rules.earliestOpening(
                List.of(NoticeReceipt.received(o.organisationId(), o.name(), o.receivedOn()))));
    }
}
