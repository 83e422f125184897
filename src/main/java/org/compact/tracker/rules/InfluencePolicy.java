package org.compact.tracker.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * INFLUENCE: consult before the decision, while it can still change (seed 001, Gold Standard 2), and be honest
 * about what is open to discussion and what is not. The decision date, the decision-maker, what is open to change
 * and what is fixed are recorded, and the close date plus an analysis period falls strictly before the decision
 * date: with four weeks of analysis, closing on 1 April allows a decision on 30 April, not on 29 April.
 */
final class InfluencePolicy implements RulePolicy {

    private final Period analysisPeriod;
    private final String analysisInWords;

    InfluencePolicy(RuleSettings settings) {
        this.analysisPeriod = settings.analysisPeriod();
        this.analysisInWords = Periods.describe(analysisPeriod);
    }

    @Override
    public RuleId id() {
        return RuleId.INFLUENCE;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        List<String> findings = new ArrayList<>();
        if (facts.decisionDate() == null) {
            findings.add("record the decision date");
        }
        if (Reasons.blank(facts.decisionMaker())) {
            findings.add("record who makes the decision");
        }
        if (Reasons.blank(facts.openToChange())) {
            findings.add("state what is open to change");
        }
        if (Reasons.blank(facts.fixed())) {
            findings.add("state what is fixed");
        }
        if (facts.closesOn() == null) {
            findings.add("set a close date");
        } else if (facts.decisionDate() != null) {
            LocalDate analysed = facts.closesOn().plus(analysisPeriod);
            if (!analysed.isBefore(facts.decisionDate())) {
                findings.add("closing on " + facts.closesOn() + " with " + analysisInWords + " for analysis ("
                        + analysed + ") leaves no time before the decision on " + facts.decisionDate()
                        + "; decide on " + analysed.plusDays(1) + " or later, or close earlier");
            }
        }
        if (findings.isEmpty()) {
            return Check.pass(id(), "Closes on " + facts.closesOn() + "; with " + analysisInWords
                    + " for analysis the decision by " + facts.decisionMaker().strip() + " on "
                    + facts.decisionDate() + " can still change.");
        }
        return Check.fail(id(), Reasons.sentence("Consult before the decision", findings));
    }
}
