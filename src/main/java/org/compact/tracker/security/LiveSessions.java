package org.compact.tracker.security;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a token's session is still current: its user exists, is enabled, and still has the session version the
 * token carries. Asked on every signed-in request (bearer token and page cookie alike), so it costs one read of the
 * one-row {@link UserStamp} and nothing more while no user changes: the users' (version, enabled) are kept in memory
 * under the stamp they were read after, and read again from the database once the stamp has moved, which it does in
 * the transaction of any change to users, made on this node or any other.
 */
@Singleton
class LiveSessions {
    /** What a node knows of a user under one stamp; empty when there is no such user. */
    private record Known(long version, boolean enabled) {
    }

    private record Snapshot(long stamp, Map<String, Optional<Known>> users) {
    }

    private final UserRepository users;
    private final UserStamp stamp;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Long.MIN_VALUE, Map.of()));

    LiveSessions(UserRepository users, UserStamp stamp) {
        this.users = users;
        this.stamp = stamp;
    }

    boolean isCurrent(String username, long version) {
        long now = stamp.current();
        Snapshot kept = snapshot.get();
        if (now > kept.stamp()) {
            Snapshot fresh = new Snapshot(now, new ConcurrentHashMap<>());
            kept = snapshot.compareAndSet(kept, fresh) ? fresh : snapshot.get();
        }
        String key = AppUser.keyOf(username);
        // Read after the stamp, so what is read is at least as new as the stamp it is kept under. A snapshot made
        // under another stamp (a slower request that read an older one) is not added to.
        Optional<Known> known = kept.stamp() == now
                ? kept.users().computeIfAbsent(key, this::read)
                : read(key);
        return known.filter(k -> k.enabled() && k.version() == version).isPresent();
    }

    private Optional<Known> read(String key) {
        return users.findByUsernameKey(key).map(u -> new Known(u.sessionVersion(), u.enabled()));
    }
}
