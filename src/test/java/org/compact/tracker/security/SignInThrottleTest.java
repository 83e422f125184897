package org.compact.tracker.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One count per username, however it is spelt: a new spelling is not a new name to guess under. */
class SignInThrottleTest {
    @Test
    void blanksCaseAndCompatibilityFormsAreOneName() {
        assertThat(SignInThrottle.normalise(" Admin\t")).isEqualTo("admin");
        assertThat(SignInThrottle.normalise("ＡＤＭＩＮ")).isEqualTo("admin");
        assertThat(SignInThrottle.normalise("ADMİN")).as("Locale.ROOT, not the Turkish dotless rules")
                .isEqualTo("admi̇n");
        assertThat(SignInThrottle.normalise(null)).isEmpty();
    }
}
