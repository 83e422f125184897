package org.compact.tracker.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After each temporary failure the relay waits twice as long as before, up to an hour. */
class BackoffScheduleTest {
    private final RelaySettings defaults = RelaySettings.DEFAULTS;

    @Test
    void theWaitStartsAtThirtySecondsAndDoubles() {
        assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void theWaitIsCappedAtOneHourHoweverManyFailures() {
        assertThat(defaults.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoffAfter(12)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoffAfter(64)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void twelveAttemptsSpreadOverAboutFiveHours() {
        Duration total = Duration.ZERO;
        for (int failures = 1; failures < defaults.maxAttempts(); failures++) {
            total = total.plus(defaults.backoffAfter(failures));
        }
        // 30 s + 1 + 2 + 4 + 8 + 16 + 32 min + 4 × 1 h between the 1st and the 12th attempt.
        assertThat(total).isEqualTo(Duration.ofSeconds(30).plusMinutes(63).plusHours(4));
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new RelaySettings(0, Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofHours(1), 12, Duration.ofSeconds(20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelaySettings(200, Duration.ofMinutes(2), Duration.ofHours(2),
                Duration.ofHours(1), 12, Duration.ofSeconds(20))).isInstanceOf(IllegalArgumentException.class);
    }
}
