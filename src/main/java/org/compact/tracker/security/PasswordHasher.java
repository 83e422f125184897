package org.compact.tracker.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

import java.security.SecureRandom;

/** bcrypt, slow on purpose: a stolen table of hashes should cost an attacker years, not minutes. */
@Singleton
public class PasswordHasher {
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final int cost;
    /**
     * Compared against when the username is unknown, so that a wrong name costs as long as a wrong password. It is a
     * well-formed bcrypt hash at the same cost (random salt, random digest), made without hashing anything: checking a
     * password against it does the full work of the cost factor, but making it costs nothing at start-up (hashing a
     * dummy password here took a third of a second of every start at cost 12).
     */
    private final String dummyHash;

    /** @param cost bcrypt's log2 work factor ({@code tracker.security.bcrypt-cost}, default 12; tests use less) */
    PasswordHasher(@Value("${tracker.security.bcrypt-cost:12}") int cost) {
        this.cost = cost;
        this.dummyHash = BCrypt.gensalt(cost) + randomDigest();
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    public boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash == null ? dummyHash : hash);
    }

    /** The hash checked when there is no user: what {@link #matches} spends its time on for an unknown name. */
    String dummyHash() {
        return dummyHash;
    }

    /** 31 characters of bcrypt's base64 alphabet: the place of the 184-bit digest in a bcrypt string. */
    private static String randomDigest() {
        SecureRandom random = new SecureRandom();
        StringBuilder digest = new StringBuilder(31);
        for (int i = 0; i < 31; i++) {
            digest.append(BCRYPT_ALPHABET.charAt(random.nextInt(BCRYPT_ALPHABET.length())));
        }
        return digest.toString();
    }
}
