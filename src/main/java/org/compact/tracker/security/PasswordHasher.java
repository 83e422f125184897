package org.compact.tracker.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt, slow on purpose: a stolen table of hashes should cost an attacker years, not minutes. */
@Singleton
public class PasswordHasher {
    private final int cost;
    /** Compared against when the username is unknown, so that a wrong name costs as long as a wrong password. */
    private final String dummyHash;

    /** @param cost bcrypt's log2 work factor ({@code tracker.security.bcrypt-cost}, default 12; tests use less) */
    PasswordHasher(@Value("${tracker.security.bcrypt-cost:12}") int cost) {
        this.cost = cost;
        this.dummyHash = BCrypt.hashpw("not a password", BCrypt.gensalt(cost));
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    public boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash == null ? dummyHash : hash);
    }
}
