package org.compact.tracker.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how often one client address may ask for fresh links (as {@code LoginThrottle} limits sign-in guesses):
 * at most {@code tracker.links.fresh-link-per-client} requests within {@code tracker.links.fresh-link-interval}.
 * Counts are kept in memory, per node, on the wall clock. Behind a proxy every request comes from the proxy's
 * address; the per-address limit (one mail per contact and window, see {@code FreshLinks}) still holds.
 */
@Singleton
class FreshLinkThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int max;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    FreshLinkThrottle(@Value("${tracker.links.fresh-link-per-client:10}") int max,
                      @Value("${tracker.links.fresh-link-interval:15m}") Duration window) {
        this.max = max;
        this.window = window;
    }

    /** Counts a request from {@code client}; false when it is one too many within the window. */
    boolean allows(String client) {
        Instant now = clock.instant();
        if (requests.size() > MAX_KEYS) {
            requests.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> seen = requests.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (seen) {
            prune(seen, now);
            if (seen.size() >= max) {
                return false;
            }
            seen.addLast(now);
            return true;
        }
    }

    private void prune(Deque<Instant> seen, Instant now) {
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(now.minus(window))) {
            seen.removeFirst();
        }
    }
}
