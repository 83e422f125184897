package org.compact.tracker.web.pages;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code max-failures} failed sign-ins for one username, or from one address,
 * within {@code window}, sign-in is refused for that username or address for {@code lockout}, whatever the password.
 * The refusal reads like any failure, so it tells nothing of which usernames exist. Counts are kept in memory, per
 * node: a cluster of n nodes allows up to n times as many guesses, still few. Wall-clock time, not the sim clock.
 * Behind a proxy every request comes from the proxy's address; the per-username limit still holds.
 */
@Singleton
class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${tracker.login-throttle.max-failures:5}") int maxFailures,
                  @Value("${tracker.login-throttle.window:15m}") Duration window,
                  @Value("${tracker.login-throttle.lockout:15m}") Duration lockout) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** True while the username or the address is locked out. */
    boolean refuses(String username, String address) {
        Instant now = clock.instant();
        return locked(userKey(username), now) || locked(addressKey(address), now);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (attempts.size() > MAX_KEYS) {
            attempts.entrySet().removeIf(e -> e.getValue().idle(now));
        }
        attempts.computeIfAbsent(userKey(username), k -> new Attempts()).fail(now);
        attempts.computeIfAbsent(addressKey(address), k -> new Attempts()).fail(now);
    }

    /** A right password clears the username's count (not the address's, which may be shared by a guesser). */
    void succeeded(String username) {
        attempts.remove(userKey(username));
    }

    private boolean locked(String key, Instant now) {
        Attempts a = attempts.get(key);
        return a != null && a.locked(now);
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    /** One username's or address's recent failures, and the end of its lockout. */
    private final class Attempts {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void fail(Instant now) {
            prune(now);
            failures.addLast(now);
            if (failures.size() >= maxFailures) {
                lockedUntil = now.plus(lockout);
                failures.clear();
            }
        }

        synchronized boolean locked(Instant now) {
            return now.isBefore(lockedUntil);
        }

        synchronized boolean idle(Instant now) {
            prune(now);
            return failures.isEmpty() && !locked(now);
        }

        private void prune(Instant now) {
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(window))) {
                failures.removeFirst();
            }
        }
    }
}
