package org.compact.tracker.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock until it is set, and then stands still at the time it was set to, like a
 * test clock: a year of a consultation's life can be walked in seconds, each step exactly where it was put.
 */
public final class SimClock extends Clock {
    private final ZoneId zone;
    private final AtomicReference<Instant> frozen;

    SimClock(ZoneId zone) {
        this(zone, new AtomicReference<>());
    }

    private SimClock(ZoneId zone, AtomicReference<Instant> frozen) {
        this.zone = zone;
        this.frozen = frozen;
    }

    /** Stops the clock at {@code now}. */
    public void set(Instant now) {
        frozen.set(now);
    }

    /** Lets the clock follow the system clock again. */
    public void release() {
        frozen.set(null);
    }

    public boolean isSet() {
        return frozen.get() != null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimClock(other, frozen);
    }

    @Override
    public Instant instant() {
        Instant f = frozen.get();
        return f != null ? f : Instant.now();
    }
}
