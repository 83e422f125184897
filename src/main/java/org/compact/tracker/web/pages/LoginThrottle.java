package org.compact.tracker.web.pages;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Throttles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing: after {@code max-failures} failed sign-ins for one username, or from one address,
 * within {@code window}, sign-in is refused for that username or address for {@code lockout}, whatever the password.
 * The refusal reads like any failure, so it tells nothing of which usernames exist. Counts are kept in the database
 * ({@link Throttles}), so every node of a cluster counts the same guesses. Wall-clock time, not the sim clock.
 * Behind a proxy every request comes from the proxy's address; the per-username limit still holds.
 */
@Singleton
class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Throttles throttles;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(@Value("${tracker.login-throttle.max-failures:5}") int maxFailures,
                  @Value("${tracker.login-throttle.window:15m}") Duration window,
                  @Value("${tracker.login-throttle.lockout:15m}") Duration lockout, Throttles throttles) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.throttles = throttles;
    }

    /** True while the username or the address is locked out. */
    boolean refuses(String username, String address) {
        return throttles.locked(clock.instant(), userKey(username), addressKey(address));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            if (throttles.record(key, now, window) >= maxFailures) {
                throttles.lock(key, now, lockout);
                throttles.clear(key);
            }
        }
    }

    /** A right password clears the username's count (not the address's, which may be shared by a guesser). */
    void succeeded(String username) {
        throttles.clear(userKey(username));
    }

    private static String userKey(String username) {
        return "login user " + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "login address " + address;
    }
}
