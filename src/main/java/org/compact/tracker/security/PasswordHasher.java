package org.compact.tracker.security;

import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt, slow on purpose: a stolen table of hashes should cost an attacker years, not minutes. */
@Singleton
public class PasswordHasher {
    private static final int COST = 12;
    /** Compared against when the username is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = BCrypt.hashpw("not a password", BCrypt.gensalt(COST));

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    public boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash == null ? DUMMY_HASH : hash);
    }
}
