package org.compact.tracker.consultation;

import org.compact.tracker.rules.RuleId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusal of an exemption names exactly the rules RuleId.EXEMPTABLE holds, so the words cannot drift from it. */
class ExemptionsWordingTest {

    @Test
    void aRefusedExemptionNamesEveryExemptableRuleAndNoOther() {
        String listed = Exemptions.EXEMPTABLE_IN_WORDS.substring(0, Exemptions.EXEMPTABLE_IN_WORDS.indexOf(" ("));
        for (RuleId rule : RuleId.values()) {
            boolean named = Pattern.compile("\\b" + rule.name() + "\\b").matcher(listed).find();
            assertThat(named).as(rule.name()).isEqualTo(rule.exemptable());
        }
        assertThat(Arrays.stream(RuleId.values()).filter(RuleId::exemptable)).containsExactlyElementsOf(RuleId.EXEMPTABLE);
    }
}
