package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decisions to go ahead although a rule fails, each with its written reason: recorded while the consultation is
 * still running or owed feedback, shown in its checks as EXEMPT, and in the compliance reports.
 */
@Singleton
public class Exemptions {
    /** Which rules can be exempted, in words (the rules themselves are {@link RuleId#EXEMPTABLE}). */
    static final String EXEMPTABLE_IN_WORDS = "must be a rule that can be exempted: NOTICE, PRIOR_WORK, INFLUENCE, "
            + "DURATION, METHODS, INCLUSION, OVERLOAD, CLEAR_LANGUAGE, FEEDBACK or ACTION (OPT_OUT never is)";

    private final ConsultationStore store;
    private final RuleChecks checks;
    private final ExemptionRepository exemptions;
    private final Clock clock;

    Exemptions(ConsultationStore store, RuleChecks checks, ExemptionRepository exemptions,
               Clock clock) {
        this.store = store;
        this.checks = checks;
        this.exemptions = exemptions;
        this.clock = clock;
    }

    /** Records a decision to go ahead although a rule fails, with its written reason. */
    @Transactional
    public Exemption record(Actor actor, Long id, @Nullable RuleId ruleId, @Nullable String reason) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        List<FieldError> errors = new ArrayList<>();
        if (ruleId == null || !ruleId.exemptable()) {
            errors.add(FieldError.of("ruleId", EXEMPTABLE_IN_WORDS));
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
        store.changedAlone(id);
        store.record(c, actor, HistoryEntry.Kind.EXEMPTION_RECORDED, null, null, reason.strip(), Map.of("ruleId", ruleId.name()));
        ConsultationStore.log(c, "exemption from {} recorded by {}", ruleId, actor.username());
        return saved;
    }

    /** The rules this consultation has a recorded exemption from. */
    public Set<RuleId> of(Long id) {
        return Set.copyOf(checks.exempted(store.load(id)));
    }
}
