package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.DeliveryReport;
import org.compact.tracker.notice.NoticeContent;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.notice.Recipient;
import org.compact.tracker.organisation.DirectoryIndex;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.FeedbackFacts;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.security.AppUser;
import org.compact.tracker.security.Role;
import org.compact.tracker.security.UserService;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers consultations and moves them through their life. Every step checks the Compact's rules first and is
 * refused, naming the rule, when a BLOCK rule fails without a recorded exemption. Each method runs in one
 * transaction: a refused step writes nothing.
 */
@Singleton
public class ConsultationService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationService.class);
    /** The field each gating rule is about, so a refusal can name it. */
    private static final Map<RuleId, String> RULE_FIELDS = Map.of(
            RuleId.NOTICE, "opensOn", RuleId.PRIOR_WORK, "priorWork", RuleId.INFLUENCE, "decisionDate",
            RuleId.DURATION, "closesOn");

    private final ConsultationRepository consultations;
    private final ExemptionRepository exemptions;
    private final HistoryRepository history;
    private final FactsAssembler facts;
    private final RuleBook rules;
    private final OrganisationService organisations;
    private final AgencyService agencies;
    private final UserService users;
    private final ObjectMapper json;
    private final NoticeService notices;
    private final FeedbackRules feedbackRules;
    private final FeedbackState feedbackState;
    private final Clock clock;
    private final org.compact.tracker.support.RegisterStamp stamp;
    private final RegisterReads reads;

    ConsultationService(ConsultationRepository consultations, ExemptionRepository exemptions, HistoryRepository history,
                        FactsAssembler facts, RuleBook rules, OrganisationService organisations, AgencyService agencies,
                        UserService users, ObjectMapper json, NoticeService notices, FeedbackRules feedbackRules,
                        FeedbackState feedbackState, Clock clock, org.compact.tracker.support.RegisterStamp stamp,
                        RegisterReads reads) {
        this.consultations = consultations;
        this.exemptions = exemptions;
        this.history = history;
        this.facts = facts;
        this.rules = rules;
        this.organisations = organisations;
        this.agencies = agencies;
        this.users = users;
        this.json = json;
        this.notices = notices;
        this.feedbackRules = feedbackRules;
        this.feedbackState = feedbackState;
        this.clock = clock;
        this.stamp = stamp;
        this.reads = reads;
    }

    @Transactional
    public ConsultationView register(Actor actor, ConsultationRequest request) {
        Long agencyId = request.agencyId() != null ? request.agencyId() : actor.agencyId();
        if (agencies.find(agencyId).isEmpty()) {
            throw Refusal.invalid("agencyId", "No agency with id " + agencyId + ".");
        }
        actor.requireMayActFor(agencyId);
        Instant now = clock.instant();
        Consultation c = Consultation.planned(agencyId, actor.username(), actor.username(), now);
        ConsultationEdit.apply(c, request);
        validate(c, true);
        Consultation saved = consultations.save(c);
        stamp.moved();
        record(saved, actor, HistoryEntry.Kind.CREATED, null, ConsultationStatus.PLANNED, null, null);
        log(saved, "registered by {}", actor.username());
        return view(saved);
    }

    @Transactional
    public ConsultationView update(Actor actor, Long id, ConsultationRequest request, @Nullable Long expectedVersion) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        requireVersion(c, expectedVersion);
        c.requireEditable();
        if (request.agencyId() != null && !request.agencyId().equals(c.getAgencyId())) {
            throw Refusal.invalid("agencyId", "A consultation cannot move to another agency.");
        }
        LocalDate opensBefore = c.getOpensOn();
        List<String> changed = ConsultationEdit.apply(c, request);
        if (changed.isEmpty()) {
            return view(c);
        }
        validate(c, false);
        if (c.getStatus() == ConsultationStatus.OPEN && changed.contains("opensOn")) {
            throw Refusal.invalid("opensOn", "The consultation opened on " + c.getOpenedOn() + "; its open date cannot change now.");
        }
        if (c.getStatus() != ConsultationStatus.PLANNED) {
            // After notice, organisations have planned around what they were told: a change must still keep the promises.
            List<Check> checks = checks(c);
            List<Check> refused = new ArrayList<>(rules.blocking(checks, RuleId.Gate.NOTIFY));
            if (changed.contains("opensOn") && c.getStatus() == ConsultationStatus.NOTIFIED) {
                Check notice = rules.mayOpenOn(c.getNotifiedOn(), c.getOpensOn(), exempted(c).contains(RuleId.NOTICE));
                if (notice.failed() && (opensBefore == null || c.getOpensOn().isBefore(opensBefore))) {
                    refused.add(notice);
                }
            }
            lateNotice(c, changed).ifPresent(refused::add);
            refuseIfAny(refused, "change");
        }
        c.touch(clock.instant());
        Consultation saved = save(c);
        HistoryEntry entry = record(saved, actor, HistoryEntry.Kind.UPDATED, null, null, null, Map.of("changed", changed));
        List<String> told = changesOrganisationsHear(saved, changed);
        if (saved.getStatus() != ConsultationStatus.PLANNED && !told.isEmpty()) {
            notices.queueChange(content(saved), entry.id(), told, directoryLookup(saved.getThemes()));
        }
        if (saved.getStatus() != ConsultationStatus.PLANNED && changed.stream().anyMatch(f -> f.startsWith("targets."))) {
            // Organisations targeted after notice get their notice now (those already notified are not mailed again).
            notices.queueNotices(content(saved), recipients(saved));
        }
        log(saved, "changed {} by {}", changed, actor.username());
        return view(saved);
    }

    /**
     * The rule checks a consultation would have with {@code request} applied, saving nothing: the consultation form
     * asks for them while the officer types. {@code id} is the consultation being changed, or null for one not
     * registered yet (which has no exemptions and no feedback to judge). The same policies and facts as
     * {@link #register} and {@link #update}; a request the service would refuse outright (a control character, an
     * unknown method) is refused here the same way.
     */
    @Transactional(readOnly = true)
    public List<Check> preview(Actor actor, @Nullable Long id, ConsultationRequest request) {
        Consultation c;
        if (id == null) {
            actor.requireMayActFor(actor.agencyId());
            c = Consultation.planned(actor.agencyId(), actor.username(), null, null);
        } else {
            // Loaded and changed in memory only: nothing here saves it.
            c = load(id);
            actor.requireMayActFor(c.getAgencyId());
        }
        ConsultationEdit.apply(c, request);
        return checks(c);
    }

    /** The agency a consultation belongs to (404 if there is none), for features that check who may act. */
    public Long agencyOf(Long id) {
        return load(id).getAgencyId();
    }

    /** The consultation's title and status, without running its checks. */
    public Summary summary(Long id) {
        Consultation c = load(id);
        return new Summary(c.getId(), c.getAgencyId(), c.getTitle(), c.getStatus(), c.getLeadOfficer(), c.getClosesOn(),
                c.getClosedOn());
    }

    /** A consultation's identity and state, cheaply. */
    public record Summary(Long id, Long agencyId, String title, ConsultationStatus status, String leadOfficer,
                          @Nullable LocalDate closesOn, @Nullable LocalDate closedOn) {
    }

    /**
     * A consultation with its exemptions and rule checks. The answer is reused while the register stamp (read first)
     * and the day stay the same: see {@link RegisterReads}.
     */
    public ConsultationView get(Long id) {
        long now = stamp.current();
        return reads.view(id, now, today(), () -> view(load(id)));
    }

    /** A page of the register, without checks; reused like {@link #get}. */
    public List<ConsultationView> list(@Nullable ConsultationStatus status, @Nullable Long agencyId,
                                       @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
        long now = stamp.current();
        return reads.page(new RegisterReads.PageKey(status, agencyId, from, to, page, size), now, today(),
                () -> search(status, agencyId, from, to, page, size));
    }

    private List<ConsultationView> search(@Nullable ConsultationStatus status, @Nullable Long agencyId,
                                          @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
        return consultations.search(status == null ? null : status.name(), agencyId, from, to, size, (long) page * size)
                .stream().map(c -> ConsultationView.of(c, null, null)).toList();
    }

    /**
     * A page of the register rendered by {@code render} (the API: JSON bytes), reused as {@link #list} is: a page
     * asked for again while nothing changed is neither read nor rendered again.
     */
    public <T> T listRendered(@Nullable ConsultationStatus status, @Nullable Long agencyId, @Nullable LocalDate from,
                              @Nullable LocalDate to, int page, int size,
                              java.util.function.Function<List<ConsultationView>, T> render) {
        long now = stamp.current();
        return reads.renderedPage(new RegisterReads.PageKey(status, agencyId, from, to, page, size), now, today(),
                () -> render.apply(search(status, agencyId, from, to, page, size)));
    }

    /**
     * The delivery report as {@code actor} may read it: the organisations' mail for any signed-in role; the addresses
     * of the people who took part only for admins, monitors and officers of the consultation's agency (as the
     * participants list itself).
     */
    public DeliveryReport deliveries(Actor actor, Long id) {
        Consultation c = load(id);
        DeliveryReport report = report(id);
        return actor.mayReadPeopleOf(c.getAgencyId()) ? report : report.withParticipantsHidden();
    }

    /**
     * Each contact's mail about the consultation and the totals (queued, sent, failed, acknowledged), with the
     * participants' addresses: for the service's own use (counts); a reader gets {@link #deliveries(Actor, Long)}.
     */
    public DeliveryReport deliveries(Long id) {
        load(id);
        return report(id);
    }

    private DeliveryReport report(Long id) {
        Map<Long, String> names = organisations.search(null, null, null).stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name));
        return notices.report(id, orgId -> names.getOrDefault(orgId, "(removed)"));
    }

    public List<HistoryEntry> history(Long id) {
        load(id);
        return history.findByConsultationIdOrderById(id);
    }

    /** Sends notice: PLANNED → NOTIFIED, refused when PRIOR_WORK, INFLUENCE or DURATION fails without exemption. */
    @Transactional
    public ConsultationView notify(Actor actor, Long id) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        c.markNotified(clock.instant(), today());
        List<Check> checks = checks(c);
        refuseIfAny(rules.blocking(checks, RuleId.Gate.NOTIFY), "notify");
        Consultation saved = save(c);
        NoticeService.Queued queued = notices.queueNotices(content(saved), recipients(saved));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("checks", notPassing(checks));
        detail.put("notices", queued);
        record(saved, actor, HistoryEntry.Kind.NOTIFIED, ConsultationStatus.PLANNED, ConsultationStatus.NOTIFIED,
                queued.contacts() + " notices queued to " + queued.organisations() + " organisations", detail);
        log(saved, "notified by {}", actor.username());
        return view(saved);
    }

    /** Opens for responses: NOTIFIED → OPEN, refused before a full notice period (NOTICE) without exemption. */
    @Transactional
    public ConsultationView open(Actor actor, Long id) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        return view(openNow(c, actor));
    }

    /** Stops taking responses: OPEN → CLOSED. Closing early must still leave enough time (DURATION). */
    @Transactional
    public ConsultationView close(Actor actor, Long id) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        return view(closeNow(c, actor));
    }

    /**
     * Feedback recorded: CLOSED → FEEDBACK_GIVEN. Called by the feedback feature inside the transaction that
     * records the feedback and queues its mail, after it checked the feedback is complete (FEEDBACK).
     */
    @Transactional
    public ConsultationView markFeedbackGiven(Actor actor, Long id, String summary) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        c.markFeedbackGiven();
        Consultation saved = save(c);
        record(saved, actor, HistoryEntry.Kind.FEEDBACK_GIVEN, ConsultationStatus.CLOSED, ConsultationStatus.FEEDBACK_GIVEN,
                summary, null);
        log(saved, "feedback given by {}", actor.username());
        return view(saved);
    }

    /** What a notice says, for features that mail organisations about a consultation. */
    public NoticeContent noticeContent(Long id) {
        return content(load(id));
    }

    /** The directory as recipients (OPT_OUT marked), for features that mail organisations already notified. */
    public java.util.function.Function<Long, Recipient> recipientLookup() {
        return directoryLookup(List.of());
    }

    /**
     * Who an alert about a consultation goes to: its lead officer (if the user still exists), and, for an escalation
     * (a breach), also the agency's compliance contact.
     */
    public List<String> alertRecipients(String leadOfficer, Long agencyId, boolean escalate) {
        List<String> to = new ArrayList<>();
        users.findByUsername(leadOfficer).map(AppUser::email).ifPresent(to::add);
        if (escalate) {
            agencies.find(agencyId).map(a -> a.complianceContactEmail()).ifPresent(to::add);
        }
        return to;
    }

    /** The rules this consultation has a recorded exemption from. */
    public Set<RuleId> exemptedRules(Long id) {
        return Set.copyOf(exempted(load(id)));
    }

    /** Closed consultations still owed feedback (the feedback chase looks at these). */
    public List<Summary> closedAwaitingFeedback() {
        return consultations.findByStatus(ConsultationStatus.CLOSED).stream()
                .map(c -> new Summary(c.getId(), c.getAgencyId(), c.getTitle(), c.getStatus(), c.getLeadOfficer(),
                        c.getClosesOn(), c.getClosedOn())).toList();
    }

    /** Withdraws a consultation that has not closed, with a reason. */
    @Transactional
    public ConsultationView withdraw(Actor actor, Long id, @Nullable String reason) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "Say why the consultation is withdrawn: everyone notified is told.");
        }
        Text.plain("reason", reason);
        ConsultationStatus from = c.getStatus();
        c.markWithdrawn(today(), reason.strip());
        Consultation saved = save(c);
        if (from != ConsultationStatus.PLANNED) {
            notices.queueWithdrawal(content(saved), reason.strip(), directoryLookup(saved.getThemes()));
        }
        record(saved, actor, HistoryEntry.Kind.WITHDRAWN, from, ConsultationStatus.WITHDRAWN, reason.strip(), null);
        log(saved, "withdrawn by {}", actor.username());
        return view(saved);
    }

    /**
     * A line in the history for an action promised after the feedback was given. Called by the feedback feature
     * inside the transaction that saves the action, after it checked the actor and the action.
     */
    @Transactional
    public HistoryEntry recordActionAdded(Actor actor, Long id, String reason, Object detail) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        HistoryEntry saved = record(c, actor, HistoryEntry.Kind.ACTION_ADDED, null, null, reason, detail);
        log(c, "action added by {}", actor.username());
        return saved;
    }

    /**
     * A line in the history for a participant's consent withdrawn by an officer on their behalf. Called by the
     * feedback feature inside the transaction that withdraws it.
     */
    @Transactional
    public HistoryEntry recordConsentWithdrawn(Actor actor, Long id, String reason, Object detail) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        HistoryEntry saved = record(c, actor, HistoryEntry.Kind.CONSENT_WITHDRAWN, null, null, reason, detail);
        log(c, "a participant's consent withdrawn by {}", actor.username());
        return saved;
    }

    /** Records a decision to go ahead although a rule fails, with its written reason. */
    @Transactional
    public Exemption recordExemption(Actor actor, Long id, @Nullable RuleId ruleId, @Nullable String reason) {
        Consultation c = load(id);
        actor.requireMayActFor(c.getAgencyId());
        List<FieldError> errors = new ArrayList<>();
        if (ruleId == null || !ruleId.exemptable()) {
            errors.add(FieldError.of("ruleId", "must be a rule that can be exempted: NOTICE, PRIOR_WORK, INFLUENCE, "
                    + "DURATION, METHODS, INCLUSION, OVERLOAD, CLEAR_LANGUAGE, FEEDBACK or ACTION (OPT_OUT never is)"));
        }
        Text.plain("reason", reason);
        if (reason == null || reason.strip().length() < 10) {
            errors.add(FieldError.of("reason", "a written reason of at least 10 characters is needed; it shows in compliance reports"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (c.getStatus() == ConsultationStatus.FEEDBACK_GIVEN || c.getStatus() == ConsultationStatus.WITHDRAWN) {
            throw new IllegalTransition("record an exemption", c.getStatus(), "PLANNED, NOTIFIED, OPEN or CLOSED");
        }
        Exemption saved = exemptions.save(new Exemption(null, id, ruleId, reason.strip(), actor.username(), clock.instant()));
        stamp.moved();
        record(c, actor, HistoryEntry.Kind.EXEMPTION_RECORDED, null, null, reason.strip(), Map.of("ruleId", ruleId.name()));
        log(c, "exemption from {} recorded by {}", ruleId, actor.username());
        return saved;
    }

    /**
     * Opens the notified consultations whose open date has come and closes the open ones whose close date has passed,
     * as the scheduler would. A consultation that may not open yet (NOTICE) is held, once a day, with the reason.
     */
    @Transactional
    public LifecycleRun openAndCloseDue() {
        LocalDate today = today();
        int opened = 0;
        int held = 0;
        int closed = 0;
        for (Consultation c : consultations.findByStatusAndOpensOnLessThanEquals(ConsultationStatus.NOTIFIED, today)) {
            Check notice = rules.mayOpenOn(c.getNotifiedOn(), today, exempted(c).contains(RuleId.NOTICE));
            Check duration = durationIfOpenedOn(c, today);
            if (notice.failed() || duration.failed()) {
                held++;
                recordHold(c, notice.failed() ? notice : duration);
            } else {
                openNow(c, Actor.SYSTEM);
                opened++;
            }
        }
        for (Consultation c : consultations.findByStatusAndClosesOnLessThan(ConsultationStatus.OPEN, today)) {
            c.markClosed(today);
            Consultation saved = save(c);
            record(saved, Actor.SYSTEM, HistoryEntry.Kind.CLOSED, ConsultationStatus.OPEN, ConsultationStatus.CLOSED,
                    "The close date " + c.getClosesOn() + " has passed.", null);
            closed++;
        }
        return new LifecycleRun(opened, held, closed);
    }

    /** What {@link #openAndCloseDue()} did. */
    public record LifecycleRun(int opened, int held, int closed) {
    }

    private Consultation openNow(Consultation c, Actor actor) {
        LocalDate today = today();
        if (c.getStatus() == ConsultationStatus.NOTIFIED) {
            refuseIfAny(List.of(rules.mayOpenOn(c.getNotifiedOn(), today, exempted(c).contains(RuleId.NOTICE)),
                    durationIfOpenedOn(c, today)).stream().filter(Check::failed).toList(), "open");
        }
        c.markOpened(today);
        Consultation saved = save(c);
        record(saved, actor, HistoryEntry.Kind.OPENED, ConsultationStatus.NOTIFIED, ConsultationStatus.OPEN, null, null);
        log(saved, "opened by {}", actor.username());
        return saved;
    }

    private Consultation closeNow(Consultation c, Actor actor) {
        LocalDate today = today();
        if (c.getStatus() == ConsultationStatus.OPEN && c.getClosesOn() != null && today.isBefore(c.getClosesOn())
                && !exempted(c).contains(RuleId.DURATION)) {
            // Closing today makes today the last day open, as closesOn is: the same count as the DURATION rule.
            LocalDate opened = c.getOpenedOn() != null ? c.getOpenedOn() : c.getOpensOn();
            LocalDate earliest = opened.plus(rules.settings().minimumDuration()).minusDays(1);
            if (today.isBefore(earliest)) {
                long days = ChronoUnit.DAYS.between(opened, today) + 1;
                refuseIfAny(List.of(Check.fail(RuleId.DURATION, "Closing today would leave it open for " + days
                        + " days; it may close early from " + earliest + ", or record a DURATION exemption with the rationale.")),
                        "close");
            }
        }
        LocalDate planned = c.getClosesOn();
        c.markClosed(today);
        Consultation saved = save(c);
        boolean early = planned != null && today.isBefore(planned);
        HistoryEntry entry = record(saved, actor, HistoryEntry.Kind.CLOSED, ConsultationStatus.OPEN, ConsultationStatus.CLOSED,
                early ? "Closed early: it was to close at the end of " + planned + "." : null, null);
        if (early) {
            // Organisations were told it would take responses until the end of the close date: a change they hear of.
            notices.queueChange(content(saved), entry.id(), List.of("It closed early, on " + today
                    + "; it was to close at the end of " + planned + "."), directoryLookup(saved.getThemes()));
        }
        log(saved, "closed by {}", actor.username());
        return saved;
    }

    /**
     * NOTICE for organisations a change after notice adds to the targets: they are sent the notice now, and are owed
     * the same notice period before it opens as those notified first. Too late for that (or already open), the change
     * needs a NOTICE exemption with its reason: asking them is still allowed, as a recorded exception.
     */
    private java.util.Optional<Check> lateNotice(Consultation c, List<String> changed) {
        if (changed.stream().noneMatch(f -> f.startsWith("targets.")) || exempted(c).contains(RuleId.NOTICE)) {
            return java.util.Optional.empty();
        }
        java.util.Set<Long> told = notices.notifiedOrganisations(c.getId());
        List<String> added = recipients(c).stream().filter(r -> !r.optedOut() && !told.contains(r.organisationId()))
                .map(Recipient::name).sorted().toList();
        LocalDate today = today();
        boolean open = c.getStatus() == ConsultationStatus.OPEN;
        LocalDate opening = open ? c.getOpenedOn() : c.getOpensOn();
        if (added.isEmpty() || opening == null || !rules.mayOpenOn(today, opening, false).failed()) {
            return java.util.Optional.empty();
        }
        String who = added.size() <= 3 ? String.join(", ", added) : added.size() + " organisations";
        return java.util.Optional.of(Check.fail(RuleId.NOTICE, "Adding " + who + " now gives "
                + (added.size() == 1 ? "it" : "them") + " less notice than the others had: "
                + (open ? "the consultation is already open" : "it opens on " + opening + ", and notice sent today allows "
                + "opening from " + rules.earliestOpening(today))
                + ". Record a NOTICE exemption with the reason to ask " + (added.size() == 1 ? "it" : "them") + " anyway."));
    }

    /**
     * DURATION for a consultation opening on {@code day} rather than on its planned date (held for want of notice, or
     * opened by hand late): from then to its close date, counted as the rule counts, must still be the minimum period,
     * unless a DURATION exemption says why not. Opening on time, or early, it holds whenever it held at notice.
     */
    private Check durationIfOpenedOn(Consultation c, LocalDate day) {
        if (c.getClosesOn() == null || exempted(c).contains(RuleId.DURATION)) {
            return Check.pass(RuleId.DURATION, "");
        }
        LocalDate earliestClose = day.plus(rules.settings().minimumDuration()).minusDays(1);
        if (!c.getClosesOn().isBefore(earliestClose)) {
            return Check.pass(RuleId.DURATION, "");
        }
        long days = ChronoUnit.DAYS.between(day, c.getClosesOn()) + 1;
        return Check.fail(RuleId.DURATION, "Opening on " + day + " would leave it open for " + days + " days, until "
                + c.getClosesOn() + "; move the close date to " + earliestClose
                + " or later, or record a DURATION exemption with the rationale.");
    }

    private void recordHold(Consultation c, Check notice) {
        List<HistoryEntry> past = history.findByConsultationIdOrderById(c.getId());
        LocalDate today = today();
        boolean heldToday = past.stream().anyMatch(h -> h.kind() == HistoryEntry.Kind.HELD
                && LocalDate.ofInstant(h.at(), clock.getZone()).equals(today));
        if (!heldToday) {
            record(c, Actor.SYSTEM, HistoryEntry.Kind.HELD, null, null, notice.reason(), Map.of("ruleId", notice.ruleId().name()));
        }
        if (notice.ruleId() == RuleId.DURATION) {
            // NOTICE holds have the notice watch's reminders and breach alerts; this one would otherwise wait unseen.
            // Once per close date: moving it (to too early a date) is a new hold worth a new alert.
            List<String> to = alertRecipients(c.getLeadOfficer(), c.getAgencyId(), false);
            if (!to.isEmpty()) {
                notices.alertOnce(c.getId(), "OPEN_HELD", "DURATION-" + c.getClosesOn(), to,
                        "Not opened: " + c.getTitle(),
                        "The consultation \"" + c.getTitle() + "\" (id " + c.getId() + ") was due to open on "
                                + c.getOpensOn() + " but has not been opened. " + notice.reason()
                                + "\n\nThe service tries again every hour.");
            }
        }
    }

    /** The checks of every rule that can be judged from the register, exemptions applied. */
    List<Check> checks(Consultation c) {
        Map<RuleId, String> reasons = exemptionReasons(c);
        List<Check> judged = new ArrayList<>(rules.evaluate(facts.facts(c, today()), reasons.keySet()));
        if (c.getId() != null) {
            boolean closed = c.getStatus() == ConsultationStatus.CLOSED || c.getStatus() == ConsultationStatus.FEEDBACK_GIVEN;
            judged.addAll(feedbackRules.evaluate(new FeedbackFacts(today(), c.getClosesOn(), closed,
                    feedbackState.givenOn(c.getId()), feedbackState.openActionDues(c.getId())), reasons.keySet()));
        }
        return judged.stream().map(ch -> ch.verdict() == Verdict.EXEMPT
                ? new Check(ch.ruleId(), Verdict.EXEMPT, ch.reason() + " Exemption: " + reasons.get(ch.ruleId()))
                : ch).toList();
    }

    private Set<RuleId> exempted(Consultation c) {
        return exemptionReasons(c).keySet();
    }

    private Map<RuleId, String> exemptionReasons(Consultation c) {
        if (c.getId() == null) {
            return Map.of();
        }
        Map<RuleId, String> reasons = new LinkedHashMap<>();
        for (Exemption e : exemptions.findByConsultationIdOrderById(c.getId())) {
            reasons.put(e.ruleId(), e.reason());
        }
        return reasons;
    }

    private void validate(Consultation c, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (c.getTitle() == null) {
            errors.add(FieldError.of("title", "must not be blank"));
        }
        if (c.getSummary() == null) {
            errors.add(FieldError.of("summary", "must not be blank: it is what organisations receive"));
        }
        requireDateInRange("decisionDate", c.getDecisionDate(), errors);
        requireDateInRange("opensOn", c.getOpensOn(), errors);
        requireDateInRange("closesOn", c.getClosesOn(), errors);
        if (c.getOpensOn() != null && c.getClosesOn() != null && c.getClosesOn().isBefore(c.getOpensOn())) {
            errors.add(FieldError.of("closesOn", "must not be before opensOn (" + c.getOpensOn() + ")"));
        }
        if (c.getDecisionDate() != null && c.getOpensOn() != null && c.getDecisionDate().isBefore(c.getOpensOn())) {
            errors.add(new FieldError("decisionDate", RuleId.INFLUENCE.name(),
                    "must not be before opensOn: consult before the decision, so consultation can change it"));
        }
        AppUser lead = c.getLeadOfficer() == null ? null : users.findByUsername(c.getLeadOfficer()).orElse(null);
        if (lead == null || !lead.agencyId().equals(c.getAgencyId()) || !lead.roleSet().contains(Role.OFFICER) && !lead.roleSet().contains(Role.ADMIN)) {
            errors.add(FieldError.of("leadOfficer", "must be the username of an officer of the consultation's agency"));
        }
        List<Long> unknownOrganisations = organisations.unknown(c.getTargetOrganisationIds());
        if (!unknownOrganisations.isEmpty()) {
            errors.add(FieldError.of("targets.organisationIds", "no organisation with id " + unknownOrganisations));
        }
        if (c.getId() != null && c.getPriorWorkIds().contains(c.getId())) {
            errors.add(FieldError.of("priorWork.relatedIds", "a consultation cannot be its own earlier work"));
        }
        if (!c.getPriorWorkIds().isEmpty()) {
            Set<Long> known = consultations.findByIdInList(c.getPriorWorkIds()).stream().map(Consultation::getId)
                    .collect(Collectors.toSet());
            List<Long> unknown = c.getPriorWorkIds().stream().filter(i -> !known.contains(i)).toList();
            if (!unknown.isEmpty()) {
                errors.add(FieldError.of("priorWork.relatedIds", "no consultation with id " + unknown));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    /** A date must lie in years 1900–2100 ({@link Dates}); the pages' form reaches here without the API's constraint. */
    private static void requireDateInRange(String field, @Nullable LocalDate date, List<FieldError> errors) {
        if (!Dates.inRange(date)) {
            errors.add(FieldError.of(field, Dates.OUT_OF_RANGE));
        }
    }

    private void refuseIfAny(List<Check> failing, String action) {
        if (failing.isEmpty()) {
            return;
        }
        List<FieldError> errors = failing.stream()
                .map(ch -> new FieldError(RULE_FIELDS.get(ch.ruleId()), ch.ruleId().name(), ch.reason())).toList();
        String ids = failing.stream().map(ch -> ch.ruleId().name()).collect(Collectors.joining(", "));
        throw new Refusal(422, "Refused by the Compact's rules",
                "Cannot " + action + ": " + ids + " not met. Fix it, or record an exemption with a written reason.", errors);
    }

    private void requireVersion(Consultation c, @Nullable Long expected) {
        if (expected != null && !expected.equals(c.getVersion())) {
            throw Refusal.conflict("The consultation has changed since version " + expected + " (it is now version "
                    + c.getVersion() + "): reload it and try again.");
        }
    }

    private Consultation save(Consultation c) {
        try {
            Consultation saved = consultations.update(c);
            stamp.moved();
            return saved;
        } catch (OptimisticLockException e) {
            throw Refusal.conflict("Someone else changed this consultation at the same moment: reload it and try again.");
        }
    }

    private Consultation load(Long id) {
        return consultations.findById(id).orElseThrow(() -> Refusal.notFound("consultation", id));
    }

    private ConsultationView view(Consultation c) {
        return ConsultationView.of(c, exemptions.findByConsultationIdOrderById(c.getId()), checks(c));
    }

    private List<Check> notPassing(List<Check> checks) {
        return checks.stream().filter(ch -> ch.verdict() != Verdict.PASS).toList();
    }

    /** What a notice says, from the register. */
    NoticeContent content(Consultation c) {
        String agency = agencies.find(c.getAgencyId()).map(a -> a.name()).orElse("The council");
        String officerEmail = users.findByUsername(c.getLeadOfficer()).map(AppUser::email).orElse("");
        return new NoticeContent(c.getId(), c.getTitle(), c.getSummary(), agency, c.getLeadOfficer(), officerEmail,
                c.getThemes(), c.getAreas(), c.getMethods(), c.getProvisions(), c.getLanguages(), c.getVenues(),
                c.getOpenToChange(), c.getFixed(), c.getDecisionDate(), c.getDecisionMaker(), c.getOpensOn(),
                c.getClosesOn(), c.getVersion() == null ? 0 : c.getVersion());
    }

    /** The targeted organisations, each marked if it opted out of all notices or of one of the themes (OPT_OUT). */
    private List<Recipient> recipients(Consultation c) {
        return FactsAssembler.targetsOf(c, DirectoryIndex.of(organisations.search(null, null, null))).stream()
                .map(o -> recipient(o, c.getThemes())).toList();
    }

    /**
     * The directory as recipients, each marked OPT_OUT if it opted out of all mail or of one of {@code themes} (a
     * change or a withdrawal is about the consultation's themes, as its notice was).
     */
    private java.util.function.Function<Long, Recipient> directoryLookup(List<String> themes) {
        Map<Long, Organisation> byId = organisations.search(null, null, null).stream()
                .collect(Collectors.toMap(Organisation::id, o -> o));
        return id -> byId.containsKey(id) ? recipient(byId.get(id), themes) : null;
    }

    private static Recipient recipient(Organisation o, List<String> themes) {
        return new Recipient(o.id(), o.name(), o.emails(), o.optedOutOf(themes));
    }

    private static String orUnstated(@Nullable String text) {
        return text == null ? "(no longer stated; ask the officer)" : text;
    }

    /** The changes organisations already notified are told about: dates, what it is about, what is open to change. */
    private static List<String> changesOrganisationsHear(Consultation c, List<String> changed) {
        List<String> lines = new ArrayList<>();
        if (changed.contains("opensOn")) {
            lines.add("It now opens on " + c.getOpensOn() + ".");
        }
        if (changed.contains("closesOn")) {
            lines.add("It now closes at the end of " + c.getClosesOn() + ".");
        }
        if (changed.contains("decisionDate")) {
            lines.add("The decision is now due on " + c.getDecisionDate() + ".");
        }
        if (changed.contains("title")) {
            lines.add("It is now called: " + c.getTitle());
        }
        if (changed.contains("summary")) {
            lines.add("What it is about: " + c.getSummary());
        }
        if (changed.contains("openToChange")) {
            lines.add("What your views can change: " + orUnstated(c.getOpenToChange()));
        }
        if (changed.contains("fixed")) {
            lines.add("What is already decided: " + orUnstated(c.getFixed()));
        }
        if (changed.contains("methods") || changed.contains("venues") || changed.contains("provisions")) {
            lines.add("How to take part: " + String.join(", ", c.getMethods()).toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (c.getVenues().isEmpty() ? "" : "; where: " + String.join("; ", c.getVenues()))
                    + (c.getProvisions().isEmpty() ? "" : "; help offered: "
                    + String.join(", ", c.getProvisions()).toLowerCase(java.util.Locale.ROOT).replace('_', ' ')) + ".");
        }
        return lines;
    }

    private HistoryEntry record(Consultation c, Actor actor, HistoryEntry.Kind kind, @Nullable ConsultationStatus from,
                        @Nullable ConsultationStatus to, @Nullable String reason, @Nullable Object detail) {
        return history.save(new HistoryEntry(null, c.getId(), clock.instant(), actor.username(), kind, from, to, reason,
                detail == null ? null : toJson(detail)));
    }

    private String toJson(Object detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void log(Consultation c, String message, Object... args) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("consultationId", String.valueOf(c.getId()))) {
            LOG.info("Consultation {} " + message, prepend(c.getId(), args));
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
