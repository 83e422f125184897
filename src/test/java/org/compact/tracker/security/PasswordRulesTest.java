package org.compact.tracker.security;

import org.compact.tracker.support.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {
    private final PasswordRules rules = new PasswordRules();

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(rules.problem("correct horse battery staple", "olivia")).isNull();
        assertThat(rules.problem("twelve chars", "olivia")).isNull();
        // any printable character, spaces and scripts other than Latin included
        assertThat(rules.problem("Zażółć gęślą jaźń 🐝", "olivia")).isNull();
    }

    @Test
    void aShortPasswordIsRefusedCountingCharactersNotBytes() {
        assertThat(rules.problem("eleven char", "olivia")).contains("at least 12");
        assertThat(rules.problem("ąęćłńóśźżąęć", "olivia")).isNull();
        assertThat(rules.problem("🐝".repeat(11), "olivia")).contains("at least 12");
    }

    @Test
    void theMostCommonPasswordsOfTwelveCharactersAreRefusedWhateverTheirCase() {
        assertThat(rules.problem("qwerty123456", "olivia")).contains("most common");
        assertThat(rules.problem("1qaz2wsx3edc", "olivia")).contains("most common");
        assertThat(rules.problem("QWERTY123456", "olivia")).contains("most common");
    }

    @Test
    void aPasswordBuiltOnTheUsernameIsRefused() {
        assertThat(rules.problem("olivia-the-officer", "Olivia")).contains("username");
    }

    @Test
    void aPasswordOfOneRepeatedCharacterOrOfControlCharactersIsRefused() {
        assertThat(rules.problem("kqkqkqkqkqkqkqkqw", "olivia")).contains("too few different");
        assertThat(rules.problem("good password\nsecond line", "olivia")).contains("control characters");
        assertThat(rules.problem("x".repeat(201), "olivia")).contains("at most 200");
    }

    @Test
    void aRefusalNamesTheFieldAndNeverRepeatsThePassword() {
        assertThatThrownBy(() -> rules.check("newPassword", "qwerty123456", "olivia"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("newPassword"));
                    assertThat(r.getMessage() + r.errors()).doesNotContain("qwerty123456");
                });
    }
}
