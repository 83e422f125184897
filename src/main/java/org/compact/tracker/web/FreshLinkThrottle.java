package org.compact.tracker.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Throttles;

import java.time.Clock;
import java.time.Duration;

/**
 * Limits how often one client address may ask for fresh links (as {@code security.SignInThrottle} limits sign-in guesses):
 * at most {@code tracker.links.fresh-link-per-client} requests within {@code tracker.links.fresh-link-interval}.
 * Counts are kept in the database ({@link Throttles}), the same for every node of a cluster, on the wall clock.
 * Behind a proxy every request comes from the proxy's address; the per-address limit (one mail per contact and
 * window, see {@code FreshLinks}) still holds.
 */
@Singleton
class FreshLinkThrottle {
    private final int max;
    private final Duration window;
    private final Throttles throttles;
    private final Clock clock = Clock.systemUTC();

    FreshLinkThrottle(@Value("${tracker.links.fresh-link-per-client:10}") int max,
                      @Value("${tracker.links.fresh-link-interval:15m}") Duration window, Throttles throttles) {
        this.max = max;
        this.window = window;
        this.throttles = throttles;
    }

    /** Counts a request from {@code client}; false when it is one too many within the window. */
    boolean allows(String client) {
        return throttles.recordUnder("fresh link " + client, clock.instant(), window, max);
    }
}
