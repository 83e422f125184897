package org.compact.tracker.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After each temporary failure the relay waits twice as long as before, up to ten minutes (so a server that is back
 * is used within minutes), and gives a message up 72 hours after its first failure (a long weekend's outage).
 */
class BackoffScheduleTest {
    private static final Instant FRIDAY_EVENING = Instant.parse("2027-03-05T18:00:00Z");
    private final RelaySettings defaults = RelaySettings.DEFAULTS;

    @Test
    void theWaitStartsAtThirtySecondsAndDoubles() {
        assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.backoffAfter(5)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theWaitIsCappedAtTenMinutesHoweverManyFailures() {
        assertThat(defaults.backoffAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.backoffAfter(12)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.backoffAfter(64)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aMessageIsGivenUpSeventyTwoHoursAfterItsFirstFailureHoweverManyAttempts() {
        assertThat(defaults.givesUp(10_000, FRIDAY_EVENING, FRIDAY_EVENING.plus(Duration.ofHours(72)).minusSeconds(1)))
                .as("Monday evening, a second before").isFalse();
        assertThat(defaults.givesUp(2, FRIDAY_EVENING, FRIDAY_EVENING.plus(Duration.ofHours(72)))).isTrue();
    }

    @Test
    void aWholeWeekendIsOutlastedWithARetryAtLeastEveryTenMinutes() {
        Instant at = FRIDAY_EVENING;
        int failures = 0;
        while (!defaults.givesUp(failures + 1, FRIDAY_EVENING, at)) {
            failures++;
            Duration wait = defaults.backoffAfter(failures);
            assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(10));
            at = at.plus(wait);
        }
        assertThat(Duration.between(FRIDAY_EVENING, at)).isGreaterThanOrEqualTo(Duration.ofHours(72));
        assertThat(failures).isGreaterThan(400);
    }

    @Test
    void maxAttemptsWhenSetIsALimitBesideTheTime() {
        RelaySettings twelve = new RelaySettings(200, Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofMinutes(10), 12, Duration.ofHours(72), Duration.ofSeconds(20));
        assertThat(twelve.givesUp(11, FRIDAY_EVENING, FRIDAY_EVENING.plusSeconds(60))).isFalse();
        assertThat(twelve.givesUp(12, FRIDAY_EVENING, FRIDAY_EVENING.plusSeconds(60))).isTrue();
        assertThat(defaults.maxAttempts()).as("no limit by count by default").isZero();
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new RelaySettings(0, Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofHours(1), 0, Duration.ofHours(72), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelaySettings(200, Duration.ofMinutes(2), Duration.ofHours(2),
                Duration.ofHours(1), 0, Duration.ofHours(72), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelaySettings(200, Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofHours(1), 0, Duration.ZERO, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
