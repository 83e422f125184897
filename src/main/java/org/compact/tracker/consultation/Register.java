package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers consultations and changes their details. A change after notice must still keep the promises made to the
 * organisations told (the notice's BLOCK rules, the notice period for any organisation it adds), and those already
 * notified are told what changed; a change before notice is the officer's own draft. Each method runs in one
 * transaction: a refused change writes nothing.
 */
@Singleton
public class Register {
    private final ConsultationStore store;
    private final RuleChecks checks;
    private final Validation validation;
    private final NoticeContents contents;
    private final NoticeService notices;
    private final AgencyService agencies;
    private final RuleBook rules;
    private final Clock clock;

    Register(ConsultationStore store, RuleChecks checks, Validation validation, NoticeContents contents,
             NoticeService notices, AgencyService agencies, RuleBook rules, Clock clock) {
        this.store = store;
        this.checks = checks;
        this.validation = validation;
        this.contents = contents;
        this.notices = notices;
        this.agencies = agencies;
        this.rules = rules;
        this.clock = clock;
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
        validation.validate(c);
        Consultation saved = store.insert(c);
        store.record(saved, actor, HistoryEntry.Kind.CREATED, null, ConsultationStatus.PLANNED, null, null);
        ConsultationStore.log(saved, "registered by {}", actor.username());
        return checks.view(saved);
    }

    @Transactional
    public ConsultationView update(Actor actor, Long id, ConsultationRequest request, @Nullable Long expectedVersion) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        requireVersion(c, expectedVersion);
        c.requireEditable();
        if (request.agencyId() != null && !request.agencyId().equals(c.getAgencyId())) {
            throw Refusal.invalid("agencyId", "A consultation cannot move to another agency.");
        }
        LocalDate opensBefore = c.getOpensOn();
        List<String> changed = ConsultationEdit.apply(c, request);
        if (changed.isEmpty()) {
            return checks.view(c);
        }
        validation.validate(c);
        if (c.getStatus() == ConsultationStatus.OPEN && changed.contains("opensOn")) {
            throw Refusal.invalid("opensOn", "The consultation opened on " + c.getOpenedOn() + "; its open date cannot change now.");
        }
        List<Check> judged = null;
        if (c.getStatus() != ConsultationStatus.PLANNED) {
            // After notice, organisations have planned around what they were told: a change must still keep the promises.
            judged = checks.checks(c);
            List<Check> refused = new ArrayList<>(rules.blocking(judged, RuleId.Gate.NOTIFY));
            if (changed.contains("opensOn") && c.getStatus() == ConsultationStatus.NOTIFIED) {
                Check notice = rules.mayOpenOn(c.getNotifiedOn(), c.getOpensOn(), checks.exempted(c).contains(RuleId.NOTICE));
                if (notice.failed() && (opensBefore == null || c.getOpensOn().isBefore(opensBefore))) {
                    refused.add(notice);
                }
            }
            Check late = lateNotice(c, changed);
            if (late.failed()) {
                refused.add(late);
            }
            RuleChecks.refuseIfAny(refused, "change");
        }
        c.touch(clock.instant());
        Consultation saved = store.save(c, changed.contains("partnerAgencyIds"));
        HistoryEntry entry = store.record(saved, actor, HistoryEntry.Kind.UPDATED, null, null, null, Map.of("changed", changed));
        if (saved.getStatus() != ConsultationStatus.PLANNED) {
            notices.queueChange(contents.of(saved), entry.id(), changed);
            if (changed.stream().anyMatch(f -> f.startsWith("targets."))) {
                // Organisations targeted after notice get their notice now (those already notified are not mailed again).
                notices.queueNotices(contents.of(saved), NoticeContents.targets(saved));
            }
        }
        ConsultationStore.log(saved, "changed {} by {}", changed, actor.username());
        return judged == null ? checks.view(saved) : checks.view(saved, judged);
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
            c = store.load(id);
            actor.requireMayActFor(c.getAgencyId());
        }
        ConsultationEdit.apply(c, request);
        return checks.checks(c);
    }

    /**
     * NOTICE for organisations a change after notice adds to the targets: they are sent the notice now, and are owed
     * the same notice period before it opens as those notified first. Too late for that (or already open), the change
     * needs a NOTICE exemption with its reason: asking them is still allowed, as a recorded exception.
     */
    private Check lateNotice(Consultation c, List<String> changed) {
        if (changed.stream().noneMatch(f -> f.startsWith("targets.")) || checks.exempted(c).contains(RuleId.NOTICE)) {
            return Check.pass(RuleId.NOTICE, "");
        }
        List<String> added = notices.notYetNotified(c.getId(), NoticeContents.targets(c), c.getThemes());
        boolean open = c.getStatus() == ConsultationStatus.OPEN;
        return rules.noticeForAdded(added, open, open ? c.getOpenedOn() : c.getOpensOn(), LocalDate.now(clock));
    }

    private static void requireVersion(Consultation c, @Nullable Long expected) {
        if (expected != null && !expected.equals(c.getVersion())) {
            throw Refusal.conflict("The consultation has changed since version " + expected + " (it is now version "
                    + c.getVersion() + "): reload it and try again.");
        }
    }
}
