package org.compact.tracker.consultation;

import org.compact.tracker.rules.RuleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The step table, without the container: what the pages and the API read of it agrees with the transitions. */
class StepTest {

    @ParameterizedTest
    @EnumSource(Step.class)
    void theApiSaysOfEachStepWhatTheTableSays(Step step) {
        if (step.from().size() == 1) {
            assertThat(step.apiSummary()).contains(step.from().iterator().next() + " → " + step.to());
        }
        step.gatingRules().forEach(rule -> assertThat(step.apiSummary()).contains(rule.name()));
    }

    @Test
    void theGatingRulesAreTheBlockRulesOfTheStepsGate() {
        assertThat(Step.NOTIFY.gatingRules()).containsExactly(RuleId.PRIOR_WORK, RuleId.INFLUENCE, RuleId.DURATION);
        assertThat(Step.OPEN.gatingRules()).containsExactly(RuleId.NOTICE);
        assertThat(Step.GIVE_FEEDBACK.gatingRules()).containsExactly(RuleId.FEEDBACK);
        assertThat(Step.CLOSE.gatingRules()).isEmpty();
        assertThat(Step.WITHDRAW.gatingRules()).isEmpty();
    }

    @Test
    void offersTheStepsOfEachStatusInTheTablesOrder() {
        assertThat(Step.from(ConsultationStatus.PLANNED)).containsExactly(Step.NOTIFY, Step.WITHDRAW);
        assertThat(Step.from(ConsultationStatus.CLOSED)).containsExactly(Step.GIVE_FEEDBACK);
        assertThat(Step.from(ConsultationStatus.WITHDRAWN)).isEqualTo(List.of());
        assertThat(Step.byPath("feedback")).contains(Step.GIVE_FEEDBACK);
        assertThat(Step.byPath("reopen")).isEmpty();
    }

    @Test
    void refusesAStepFromAStatusItIsNotTakenFromNamingThatStatus() {
        assertThatThrownBy(() -> Step.GIVE_FEEDBACK.requireFrom(ConsultationStatus.OPEN))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot give feedback: the consultation is OPEN (give feedback is allowed only from CLOSED).");
    }
}
