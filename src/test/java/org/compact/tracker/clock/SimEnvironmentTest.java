package org.compact.tracker.clock;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sim clock exists only where it was asked for, and never beside production. */
class SimEnvironmentTest {
    private static final Map<String, Object> NO_DATABASE = Map.of("flyway.datasources.default.enabled", false,
            "datasources.default.url", "jdbc:h2:mem:sim-env-test", "tracker.jwt.secret", "x".repeat(48),
            "tracker.jobs.enabled", false);

    @Test
    void theSimEnvironmentIsRefusedInProduction() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.run(NO_DATABASE, "sim", "prod")) {
                ctx.getBean(Clock.class);
            }
        }).hasStackTraceContaining("refused in production");
    }

    @Test
    void withoutSimTheClockIsTheSystemClockInLondon() {
        try (ApplicationContext ctx = ApplicationContext.run("test")) {
            Clock clock = ctx.getBean(Clock.class);
            assertThat(clock).isNotInstanceOf(SimClock.class);
            assertThat(clock.getZone().getId()).isEqualTo("Europe/London");
        }
    }
}
