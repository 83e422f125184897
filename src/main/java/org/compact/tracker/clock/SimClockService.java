package org.compact.tracker.clock;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Moves the sim clock forward and runs the work that became due, in order, before answering. */
@Singleton
@Requires(env = "sim")
public class SimClockService {
    private final SimClock clock;
    private final List<DueWork> work;

    SimClockService(Clock clock, List<DueWork> work) {
        if (!(clock instanceof SimClock sim)) {
            throw new IllegalStateException("The sim environment needs the sim clock");
        }
        this.clock = sim;
        this.work = work.stream().sorted(java.util.Comparator.comparingInt(DueWork::order)).toList();
    }

    /** The clock's time and what ran. */
    @Serdeable
    public record Advance(Instant now, ZonedDateTime local, List<String> ran) {
    }

    public synchronized Advance advanceTo(Instant now) {
        Instant current = clock.instant();
        if (now.isBefore(current)) {
            throw Refusal.invalid("now", "The sim clock only moves forward (it is " + current
                    + "): what ran cannot be un-run.");
        }
        clock.set(now);
        List<String> ran = new ArrayList<>();
        for (DueWork w : work) {
            ran.add(w.name() + ": " + w.runDue());
        }
        return new Advance(now, now.atZone(clock.getZone()), ran);
    }

    public Advance now() {
        Instant now = clock.instant();
        return new Advance(now, now.atZone(clock.getZone()), List.of());
    }
}
