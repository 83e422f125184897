package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.ConsultationHistory;
import org.compact.tracker.consultation.Lifecycle;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.Method;
import org.compact.tracker.consultation.Step;
import org.compact.tracker.notice.FeedbackContent;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.notice.ParticipantContact;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records feedback and, in the same transaction, moves the consultation to FEEDBACK_GIVEN and queues the feedback
 * mail to every organisation notified and every participant who agreed to hear back. Incomplete feedback is refused
 * under FEEDBACK: what was heard, what was decided, and why when nothing changed.
 */
@Singleton
public class FeedbackService {
    static final int MAX_NOTE = 5000;
    private final FeedbackRepository feedback;
    private final FeedbackActionRepository actions;
    private final RegisterReads consultations;
    private final Lifecycle lifecycle;
    private final ConsultationHistory history;
    private final ParticipantService participants;
    private final NoticeService notices;
    private final Clock clock;
    private final org.compact.tracker.support.RegisterStamp stamp;
    private final org.compact.tracker.support.ConsultationStamps stamps;

    FeedbackService(FeedbackRepository feedback, FeedbackActionRepository actions, RegisterReads consultations,
                    Lifecycle lifecycle, ConsultationHistory history, ParticipantService participants, NoticeService notices, Clock clock,
                    org.compact.tracker.support.RegisterStamp stamp,
                    org.compact.tracker.support.ConsultationStamps stamps) {
        this.feedback = feedback;
        this.actions = actions;
        this.consultations = consultations;
        this.lifecycle = lifecycle;
        this.history = history;
        this.participants = participants;
        this.notices = notices;
        this.clock = clock;
        this.stamp = stamp;
        this.stamps = stamps;
    }

    /** Feedback and its actions, as the API answers them. */
    @io.micronaut.serde.annotation.Serdeable
    public record FeedbackView(Feedback feedback, List<FeedbackAction> actions, int mailsQueued) {
    }

    @Transactional
    public FeedbackView record(Actor actor, Long consultationId, FeedbackRequest r) {
        ConsultationSummary c = consultations.summary(consultationId);
        actor.requireMayActForAny(consultations.agenciesOf(consultationId));
        Step.GIVE_FEEDBACK.requireFrom(c.status());
        Outcome outcome = validate(r);
        // The step first: of two requests at once, the second fails its version check here (409) rather than on the
        // feedback's key below, which no handler would make a clear answer of.
        lifecycle.feedbackGiven(actor, consultationId, "Feedback recorded: " + outcome);
        Feedback saved = feedback.save(new Feedback(consultationId, r.youSaid().strip(), r.weDid().strip(), outcome,
                blankToNull(r.reasons()), blankToNull(r.reportUrl()), r.decidedOn(),
                r.responseCounts() == null ? Map.of() : normaliseCounts(r.responseCounts()), actor.username(), clock.instant()));
        List<FeedbackAction> promised = new ArrayList<>();
        if (r.actions() != null) {
            for (FeedbackRequest.ActionRequest a : r.actions()) {
                promised.add(actions.save(new FeedbackAction(null, consultationId, a.what().strip(), a.owner().strip(),
                        a.due(), null, null, null)));
            }
        }
        List<ParticipantContact> contacts = participants.consenting(consultationId).stream()
                .map(p -> new ParticipantContact(p.id(), p.name(), p.email(), participants.withdrawLink(p))).toList();
        int queued = notices.queueFeedback(consultations.noticeContent(consultationId),
                new FeedbackContent(saved.youSaid(), saved.weDid(), outcome.name(), saved.reasons(), saved.reportUrl(),
                        saved.decidedOn(), promised.stream().map(a -> a.what() + " (by " + a.due() + ")").toList()),
                contacts);
        return new FeedbackView(saved, promised, queued);
    }

    public FeedbackView get(Long consultationId) {
        consultations.summary(consultationId);
        Feedback f = feedback.findById(consultationId)
                .orElseThrow(() -> new Refusal(404, "Not found", "No feedback has been given for consultation "
                        + consultationId + " yet.", List.of()));
        return new FeedbackView(f, actions.findByConsultationIdOrderById(consultationId), 0);
    }

    public List<FeedbackAction> actions(Long consultationId) {
        consultations.summary(consultationId);
        return actions.findByConsultationIdOrderById(consultationId);
    }

    /** Marks a promised action done (ACTION), with an optional note of what was done (plain text, 5000 at most). */
    @Transactional
    public FeedbackAction markDone(Actor actor, Long consultationId, Long actionId, @Nullable String note) {
        ConsultationSummary c = consultations.summary(consultationId);
        actor.requireMayActForAny(consultations.agenciesOf(consultationId));
        Text.plain("note", note);
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw Refusal.invalid("note", "must be at most " + MAX_NOTE + " characters (it has " + note.strip().length() + ")");
        }
        FeedbackAction a = actions.findById(actionId).filter(x -> x.consultationId().equals(consultationId))
                .orElseThrow(() -> Refusal.notFound("action", actionId));
        if (a.doneOn() != null) {
            throw Refusal.conflict("This action was marked done on " + a.doneOn() + " by " + a.doneBy() + ".");
        }
        FeedbackAction done = actions.update(new FeedbackAction(a.id(), a.consultationId(), a.what(), a.owner(), a.due(),
                LocalDate.now(clock), actor.username(), blankToNull(note)));
        stamps.moved(consultationId);
        stamp.moved();
        return done;
    }

    /**
     * Promises one more action after the feedback was given (ACTION): what, owner and due date as in the feedback,
     * the due date not in the past; recorded in the history. 409 unless the consultation is FEEDBACK_GIVEN.
     */
    @Transactional
    public FeedbackAction addAction(Actor actor, Long consultationId, @Nullable FeedbackRequest.ActionRequest a) {
        ConsultationSummary c = consultations.summary(consultationId);
        actor.requireMayActForAny(consultations.agenciesOf(consultationId));
        if (c.status() != ConsultationStatus.FEEDBACK_GIVEN) {
            throw Refusal.conflict("Cannot add an action: the consultation is " + c.status()
                    + " (actions are added after the feedback, when it is FEEDBACK_GIVEN).");
        }
        String what = a == null ? null : a.what();
        String owner = a == null ? null : a.owner();
        LocalDate due = a == null ? null : a.due();
        Text.plain("what", what);
        Text.singleLine("owner", owner);
        List<FieldError> errors = new ArrayList<>();
        String rule = RuleId.ACTION.name();
        if (isBlank(what)) {
            errors.add(new FieldError("what", rule, "say what will be done"));
        } else if (what.strip().length() > 2000) {
            errors.add(new FieldError("what", rule, "must be at most 2000 characters (it has " + what.strip().length() + ")"));
        }
        if (isBlank(owner)) {
            errors.add(new FieldError("owner", rule, "name who will do it"));
        } else if (owner.strip().length() > 320) {
            errors.add(new FieldError("owner", rule, "must be at most 320 characters (it has " + owner.strip().length() + ")"));
        }
        LocalDate today = LocalDate.now(clock);
        if (due == null) {
            errors.add(new FieldError("due", rule, "give the date it is due"));
        } else if (due.isBefore(today)) {
            errors.add(new FieldError("due", rule, "must not be in the past (today is " + today + ")"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        FeedbackAction saved = actions.save(new FeedbackAction(null, consultationId, what.strip(), owner.strip(), due,
                null, null, null));
        history.actionAdded(actor, consultationId, "Action added: " + saved.what() + " (" + saved.owner()
                + ", by " + saved.due() + ")", Map.of("actionId", saved.id(), "due", saved.due().toString()));
        stamps.moved(consultationId);
        stamp.moved();
        return saved;
    }

    private Outcome validate(FeedbackRequest r) {
        Text.plain("youSaid", r.youSaid());
        Text.plain("weDid", r.weDid());
        Text.plain("reasons", r.reasons());
        Text.singleLine("reportUrl", r.reportUrl());
        if (r.actions() != null) {
            for (int i = 0; i < r.actions().size(); i++) {
                if (r.actions().get(i) != null) {
                    Text.plain("actions[" + i + "].what", r.actions().get(i).what());
                    Text.singleLine("actions[" + i + "].owner", r.actions().get(i).owner());
                }
            }
        }
        List<FieldError> errors = new ArrayList<>();
        String rule = RuleId.FEEDBACK.name();
        if (isBlank(r.youSaid())) {
            errors.add(new FieldError("youSaid", rule, "say what was heard: feedback is owed even when nothing changed"));
        }
        if (isBlank(r.weDid())) {
            errors.add(new FieldError("weDid", rule, "say what was decided"));
        }
        Outcome outcome = null;
        if (isBlank(r.outcome())) {
            errors.add(new FieldError("outcome", rule, "must be one of CHANGED, PARTLY_CHANGED, NO_CHANGE"));
        } else {
            outcome = EnumCodes.parse(Outcome.class, r.outcome(), "outcome");
        }
        if (outcome == Outcome.NO_CHANGE && isBlank(r.reasons())) {
            errors.add(new FieldError("reasons", rule, "say why nothing changed: people who took part are owed the reasons"));
        }
        if (!isBlank(r.reportUrl())) {
            try {
                URI u = URI.create(r.reportUrl().strip());
                if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
                    errors.add(FieldError.of("reportUrl", "must be an http(s) address"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("reportUrl", "must be an http(s) address"));
            }
        }
        if (r.responseCounts() != null) {
            r.responseCounts().forEach((method, n) -> {
                try {
                    Method.valueOf(method.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("responseCounts." + method, "is not a method code; use one of "
                            + List.of(Method.values())));
                }
                if (n == null || n < 0) {
                    errors.add(FieldError.of("responseCounts." + method, "must be a count of 0 or more"));
                }
            });
        }
        if (r.actions() != null) {
            for (int i = 0; i < r.actions().size(); i++) {
                FeedbackRequest.ActionRequest a = r.actions().get(i);
                if (a == null || isBlank(a.what())) {
                    errors.add(new FieldError("actions[" + i + "].what", RuleId.ACTION.name(), "say what will be done"));
                }
                if (a == null || isBlank(a.owner())) {
                    errors.add(new FieldError("actions[" + i + "].owner", RuleId.ACTION.name(), "name who will do it"));
                }
                if (a == null || a.due() == null) {
                    errors.add(new FieldError("actions[" + i + "].due", RuleId.ACTION.name(), "give the date it is due"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return outcome;
    }

    private static Map<String, Integer> normaliseCounts(Map<String, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.toUpperCase(Locale.ROOT), v));
        return out;
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return isBlank(s) ? null : s.strip();
    }
}
