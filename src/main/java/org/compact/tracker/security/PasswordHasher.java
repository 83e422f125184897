package org.compact.tracker.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * bcrypt, slow on purpose: a stolen table of hashes should cost an attacker years, not minutes.
 *
 * <p>bcrypt reads only the first 72 bytes of what it hashes, so a long passphrase (or a shorter one in a script of
 * three-byte characters) would be cut, and two passwords that share their first 72 bytes would both sign in (ASVS
 * 2.1.3: no truncation). The password is therefore first digested with SHA-384 and the digest, 64 characters of
 * base64, is what bcrypt hashes; such hashes are stored with the prefix {@value #PREHASHED}. Hashes made before,
 * bcrypt of the password itself, are still checked as they were made, and {@link #needsRehash} tells the sign-in to
 * store the password again in the new form once it has been checked.
 */
@Singleton
public class PasswordHasher {
    /** The mark of a bcrypt hash of the password's SHA-384 digest (the form every new hash takes). */
    static final String PREHASHED = "$sha384$";
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
        this.dummyHash = PREHASHED + BCrypt.gensalt(cost) + randomDigest();
    }

    public String hash(String password) {
        return PREHASHED + BCrypt.hashpw(digest(password), BCrypt.gensalt(cost));
    }

    /** Whether {@code password} is the one {@code hash} was made of; {@code null} (no such user) never matches. */
    public boolean matches(String password, String hash) {
        String checked = hash == null ? dummyHash : hash;
        try {
            boolean same = checked.startsWith(PREHASHED)
                    ? BCrypt.checkpw(digest(password), checked.substring(PREHASHED.length()))
                    : BCrypt.checkpw(password, checked);
            return same && hash != null;
        } catch (IllegalArgumentException malformed) {
            // a stored hash that is not bcrypt (edited by hand) signs nobody in
            return false;
        }
    }

    /** True for a hash of the older form (bcrypt of the password itself, cut at 72 bytes, or a lower cost). */
    public boolean needsRehash(String hash) {
        return hash != null && (!hash.startsWith(PREHASHED) || !hash.startsWith(PREHASHED + costPrefix()));
    }

    private String costPrefix() {
        return String.format("$2a$%02d$", cost);
    }

    /** The hash checked when there is no user: what {@link #matches} spends its time on for an unknown name. */
    String dummyHash() {
        return dummyHash;
    }

    /** SHA-384 of the password's UTF-8 bytes, as 64 characters of base64: under bcrypt's 72 bytes, nothing lost. */
    private static String digest(String password) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-384").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is part of every Java platform", e);
        }
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
