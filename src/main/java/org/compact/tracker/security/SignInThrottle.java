package org.compact.tracker.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Throttles;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing, counted where the password is checked ({@link UserAuthenticationProvider}), so every way
 * of presenting one ({@code POST /login} as JSON or as a form, the sign-in page, a password change) counts under the
 * very username that was checked. Three counts, each with its own lockout:
 * <ul>
 * <li>a username from one client address (strict, 5 failures in 15 minutes by default): the guesser is stopped, and
 * only the guesser, since the owner signs in from another address;</li>
 * <li>a username from every address (looser, 20 in an hour): a guesser with many addresses is still limited;</li>
 * <li>an address over every username (20 in 15 minutes): one address trying a password against many names.</li>
 * </ul>
 * While any of the three is locked, sign-in is refused whatever the password; a refused attempt is not counted, so
 * it does not prolong the lockout. A right password clears only the pair's count: clearing the username's would
 * let the owner's own sign-ins reset a guesser's progress across addresses. Counts are kept in the database
 * ({@link Throttles}), so every node of a cluster counts the same guesses; wall-clock time, not the sim clock.
 */
@Singleton
class SignInThrottle {
    private final Limit pair;
    private final Limit username;
    private final Limit address;
    private final Throttles throttles;
    private final Clock clock = Clock.systemUTC();

    SignInThrottle(@Value("${tracker.login-throttle.max-failures:5}") int maxFailures,
                   @Value("${tracker.login-throttle.window:15m}") Duration window,
                   @Value("${tracker.login-throttle.lockout:15m}") Duration lockout,
                   @Value("${tracker.login-throttle.username-max-failures:20}") int usernameMaxFailures,
                   @Value("${tracker.login-throttle.username-window:1h}") Duration usernameWindow,
                   @Value("${tracker.login-throttle.username-lockout:1h}") Duration usernameLockout,
                   @Value("${tracker.login-throttle.address-max-failures:20}") int addressMaxFailures,
                   @Value("${tracker.login-throttle.address-window:15m}") Duration addressWindow,
                   @Value("${tracker.login-throttle.address-lockout:15m}") Duration addressLockout,
                   Throttles throttles) {
        this.pair = new Limit(maxFailures, window, lockout);
        this.username = new Limit(usernameMaxFailures, usernameWindow, usernameLockout);
        this.address = new Limit(addressMaxFailures, addressWindow, addressLockout);
        this.throttles = throttles;
    }

    /** How many failures within which window lock a key out for how long. */
    private record Limit(int maxFailures, Duration window, Duration lockout) {
    }

    /** True while the username from this address, the username, or the address is locked out. */
    boolean refuses(String name, String from) {
        String user = normalise(name);
        return throttles.locked(clock.instant(), pairKey(user, from), userKey(user), addressKey(from));
    }

    void failed(String name, String from) {
        String user = normalise(name);
        Instant now = clock.instant();
        count(pairKey(user, from), pair, now);
        count(userKey(user), username, now);
        count(addressKey(from), address, now);
    }

    /** A right password clears the count of the username at this address, and only that one. */
    void succeeded(String name, String from) {
        throttles.clear(pairKey(normalise(name), from));
    }

    private void count(String key, Limit limit, Instant now) {
        if (throttles.record(key, now, limit.window()) >= limit.maxFailures()) {
            throttles.lock(key, now, limit.lockout());
            throttles.clear(key);
        }
    }

    /**
     * One count for every spelling of a name: surrounding blanks, compatibility forms (a full-width "ａｄｍｉｎ") and
     * case do not make a new username to guess under.
     */
    static String normalise(String name) {
        return name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The address never contains a space ({@code ClientAddress}), so the first space ends it. */
    private static String pairKey(String user, String from) {
        return "login pair " + from + " " + user;
    }

    private static String userKey(String user) {
        return "login user " + user;
    }

    private static String addressKey(String from) {
        return "login address " + from;
    }
}
