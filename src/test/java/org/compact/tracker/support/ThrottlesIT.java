package org.compact.tracker.support;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared counts behind sign-in and fresh-link throttling, on the real database (H2, then PostgreSQL). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlesIT {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private ApplicationContext context;
    private Throttles throttles;

    @BeforeAll
    void start() {
        context = ApplicationContext.run(Map.of("tracker.jobs.enabled", "false"), "test");
        throttles = context.getBean(Throttles.class);
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void eventsCountWithinTheWindowOnly() {
        String key = key();
        assertThat(throttles.record(key, T0, WINDOW)).isEqualTo(1);
        assertThat(throttles.record(key, T0.plusSeconds(60), WINDOW)).isEqualTo(2);
        assertThat(throttles.record(key, T0.plusSeconds(120), WINDOW)).isEqualTo(3);
        assertThat(throttles.count(key, T0.plus(WINDOW).plusSeconds(30), WINDOW)).as("the first has left the window")
                .isEqualTo(2);
        assertThat(throttles.count(key(), T0, WINDOW)).as("another key").isZero();
    }

    @Test
    void aLockoutHoldsUntilItEndsAndOnlyForItsKey() {
        String key = key();
        String other = key();
        throttles.lock(key, T0, WINDOW);
        assertThat(throttles.locked(T0.plusSeconds(1), key)).isTrue();
        assertThat(throttles.locked(T0.plusSeconds(1), other, key)).as("any of the keys").isTrue();
        assertThat(throttles.locked(T0.plusSeconds(1), other)).isFalse();
        assertThat(throttles.locked(T0.plus(WINDOW).plusSeconds(1), key)).as("after it ends").isFalse();
        throttles.lock(key, T0.plus(WINDOW), WINDOW);
        assertThat(throttles.locked(T0.plus(WINDOW).plusSeconds(1), key)).as("locked again").isTrue();
    }

    @Test
    void clearingForgetsTheEventsButNotTheLockout() {
        String key = key();
        throttles.record(key, T0, WINDOW);
        throttles.record(key, T0, WINDOW);
        throttles.lock(key, T0, WINDOW);
        throttles.clear(key);
        assertThat(throttles.count(key, T0.plusSeconds(1), WINDOW)).isZero();
        assertThat(throttles.locked(T0.plusSeconds(1), key)).isTrue();
    }

    @Test
    void eventsOlderThanADayAreDeletedAsNewOnesComeIn() {
        String old = key();
        throttles.record(old, T0, WINDOW);
        throttles.record(key(), T0.plus(Throttles.RETENTION).plusSeconds(1), WINDOW);
        assertThat(throttles.count(old, T0.plus(Throttles.RETENTION).plusSeconds(1), Duration.ofDays(30))).isZero();
    }

    private static String key() {
        return "test " + UUID.randomUUID();
    }
}
