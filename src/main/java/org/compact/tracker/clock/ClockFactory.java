package org.compact.tracker.clock;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

/**
 * Provides the service's {@link Clock} in the council's zone. In the {@code sim} (and {@code demo}) environments it
 * is a {@link SimClock}; the sim environment is refused beside a production environment.
 */
@Factory
class ClockFactory {
    static final Set<String> PRODUCTION = Set.of("prod", "production");

    // Made as the context starts, before any start-up work asks for it or for the database: a sim clock beside
    // production is refused first, whatever else would fail.
    @Context
    Clock clock(Environment environment, @Value("${tracker.zone:Europe/London}") String zone) {
        Set<String> active = environment.getActiveNames();
        boolean sim = active.contains("sim") || active.contains("demo");
        if (active.contains("sim") && active.stream().anyMatch(PRODUCTION::contains)) {
            throw new ConfigurationException("The sim environment moves the clock by hand and is refused in production ("
                    + active + ").");
        }
        ZoneId zoneId = ZoneId.of(zone);
        return sim ? new SimClock(zoneId) : Clock.system(zoneId);
    }
}
