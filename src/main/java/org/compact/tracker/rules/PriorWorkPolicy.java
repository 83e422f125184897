package org.compact.tracker.rules;

/**
 * PRIOR_WORK: before notice goes out the officer looks for earlier consultations on the same subject, by any
 * agency (seed 001, Gold Standard 1), so that groups are not asked again what they have already answered. The
 * check is recorded either as links to related consultations or as a statement that none is relevant.
 */
final class PriorWorkPolicy implements RulePolicy {

    private final String lookBackInWords;

    PriorWorkPolicy(RuleSettings settings) {
        this.lookBackInWords = Periods.describe(settings.priorWorkLookBack());
    }

    @Override
    public RuleId id() {
        return RuleId.PRIOR_WORK;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        int related = facts.priorWorkRelatedIds() == null ? 0 : facts.priorWorkRelatedIds().size();
        if (related > 0) {
            return Check.pass(id(), "Earlier work checked: " + related + " related consultation"
                    + (related == 1 ? "" : "s") + " linked.");
        }
        if (!Reasons.blank(facts.priorWorkStatement())) {
            return Check.pass(id(), "Earlier work checked: a statement that none is relevant is recorded.");
        }
        return Check.fail(id(), "Record a check for earlier consultations on this subject (those of the last "
                + lookBackInWords + " are proposed): link the related ones or state that none is relevant.");
    }
}
