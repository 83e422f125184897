package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.FeedbackFacts;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a consultation by the Compact's rules: every rule that can be judged from the register, with its recorded
 * exemptions applied and their written reasons shown; and the refusal that names the rules a step does not meet.
 */
@Singleton
class RuleChecks {
    /** The field each gating rule is about, so a refusal can name it. */
    private static final Map<RuleId, String> RULE_FIELDS = Map.of(
            RuleId.NOTICE, "opensOn", RuleId.PRIOR_WORK, "priorWork", RuleId.INFLUENCE, "decisionDate",
            RuleId.DURATION, "closesOn");

    private final FactsAssembler facts;
    private final Receipts receipts;
    private final RuleBook rules;
    private final FeedbackRules feedbackRules;
    private final FeedbackState feedbackState;
    private final ExemptionRepository exemptions;
    private final TranslationRepository translations;
    private final Clock clock;

    RuleChecks(FactsAssembler facts, Receipts receipts, RuleBook rules, FeedbackRules feedbackRules,
               FeedbackState feedbackState, ExemptionRepository exemptions, TranslationRepository translations,
               Clock clock) {
        this.translations = translations;
        this.facts = facts;
        this.receipts = receipts;
        this.rules = rules;
        this.feedbackRules = feedbackRules;
        this.feedbackState = feedbackState;
        this.exemptions = exemptions;
        this.clock = clock;
    }

    /** The checks of every rule that can be judged from the register, exemptions applied. */
    List<Check> checks(Consultation c) {
        return checks(c, recorded(c));
    }

    private List<Check> checks(Consultation c, List<Exemption> recorded) {
        LocalDate today = LocalDate.now(clock);
        Map<RuleId, String> reasons = reasons(recorded);
        List<Check> judged = new ArrayList<>(rules.evaluate(facts.facts(c, today), reasons.keySet()));
        if (c.getId() != null) {
            boolean closed = c.getStatus() == ConsultationStatus.CLOSED || c.getStatus() == ConsultationStatus.FEEDBACK_GIVEN;
            judged.addAll(feedbackRules.evaluate(new FeedbackFacts(today, c.getClosesOn(), closed,
                    feedbackState.givenOn(c.getId()), feedbackState.openActionDues(c.getId()), c.getDecisionDate()),
                    reasons.keySet()));
        }
        return judged.stream().map(ch -> ch.verdict() == Verdict.EXEMPT
                ? new Check(ch.ruleId(), Verdict.EXEMPT, ch.reason() + " Exemption: " + reasons.get(ch.ruleId()))
                : ch).toList();
    }

    /** The consultation as the API answers it, with its exemptions and {@code checks} (judged once per request). */
    ConsultationView view(Consultation c, List<Check> checks) {
        return view(c, recorded(c), checks);
    }

    /** The consultation with its checks, its exemptions read once for both (an uncached read: issue 17). */
    ConsultationView view(Consultation c) {
        List<Exemption> recorded = recorded(c);
        return view(c, recorded, checks(c, recorded));
    }

    private ConsultationView view(Consultation c, List<Exemption> recorded, List<Check> checks) {
        return ConsultationView.of(c, recorded, checks,
                translations.findByConsultationIdOrderByLanguage(c.getId()).stream().map(TranslationRow::view).toList());
    }

    /**
     * NOTICE for opening a notified consultation on {@code day}: every organisation notified must have had the whole
     * period from its own receipt. One FAIL per organisation short of it (naming it and the day it may open from, or
     * that its notice has not arrived and how to send it again), or one FAIL when notice reached nobody and the
     * period from sending has not run; empty when met or when a NOTICE exemption is recorded.
     */
    List<Check> noticeToOpen(Consultation c, LocalDate day, Set<RuleId> exempted) {
        List<org.compact.tracker.rules.NoticeReceipt> received = receipts.of(c);
        Check overall = rules.mayOpenOn(c.getNotifiedOn(), received, day, exempted.contains(RuleId.NOTICE));
        if (!overall.failed()) {
            return List.of();
        }
        List<Check> each = rules.shortOfNotice(received, day);
        String resend = "send it again (POST /api/consultations/" + c.getId() + "/notify/resend)";
        return (each.isEmpty() ? List.of(overall) : each).stream()
                .map(ch -> new Check(ch.ruleId(), ch.verdict(), ch.reason().replace("send it again", resend))).toList();
    }

    /** The rules this consultation has a recorded exemption from. */
    Set<RuleId> exempted(Consultation c) {
        return reasons(recorded(c)).keySet();
    }

    /** Its recorded exemptions (none before it is saved). */
    private List<Exemption> recorded(Consultation c) {
        return c.getId() == null ? List.of() : exemptions.findByConsultationIdOrderById(c.getId());
    }

    private static Map<RuleId, String> reasons(List<Exemption> recorded) {
        Map<RuleId, String> reasons = new LinkedHashMap<>();
        for (Exemption e : recorded) {
            reasons.put(e.ruleId(), e.reason());
        }
        return reasons;
    }

    /** Refuses {@code action} (422), naming each failing rule and the field it is about; nothing when none fails. */
    static void refuseIfAny(List<Check> failing, String action) {
        refuseIfAny(failing, null, action);
    }

    /**
     * As {@link #refuseIfAny(List, String)}, with {@code noWayToRespond} (NOTICE, about field howToRespond) refused
     * beside them when not null.
     */
    static void refuseIfAny(List<Check> rulesFailing, @Nullable Check noWayToRespond, String action) {
        List<Check> failing = new ArrayList<>(rulesFailing);
        if (noWayToRespond != null) {
            failing.add(noWayToRespond);
        }
        if (failing.isEmpty()) {
            return;
        }
        List<FieldError> errors = failing.stream()
                .map(ch -> new FieldError(ch == noWayToRespond ? "howToRespond" : RULE_FIELDS.get(ch.ruleId()),
                        ch.ruleId().name(), ch.reason())).toList();
        String ids = failing.stream().map(ch -> ch.ruleId().name()).distinct().collect(Collectors.joining(", "));
        throw new Refusal(422, "Refused by the Compact's rules",
                "Cannot " + action + ": " + ids + " not met. Fix it, or record an exemption with a written reason.", errors);
    }
}
