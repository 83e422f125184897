package org.compact.tracker.security;

import jakarta.inject.Singleton;
import org.compact.tracker.support.Refusal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (ASVS 2.1): at least 12 characters and at most 200 (length, not composition rules, as
 * the NCSC advises), not one of the 10,000 most common passwords of that length (2.1.7: {@code common-passwords.txt},
 * from OWASP SecLists), and not built on the username. Every printable character, spaces and emoji included, is
 * allowed. Checked wherever a password is chosen: a user's creation and a password change.
 */
@Singleton
public class PasswordRules {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;
    private static final String LIST = "security/common-passwords.txt";

    /** Read at the first check, not at start: the list is 140 kB and most starts never need it. */
    private volatile Set<String> common;

    /** Refuses, naming {@code field}, a password that breaks a rule; the reason never repeats the password. */
    public void check(String field, String password, String username) {
        String reason = problem(password, username);
        if (reason != null) {
            throw Refusal.invalid(field, reason);
        }
    }

    /** The rule {@code password} breaks, in words, or {@code null}. */
    String problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "A password is needed.";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "The password must have at least " + MIN_LENGTH + " characters (it has " + length + ").";
        }
        if (length > MAX_LENGTH) {
            return "The password may have at most " + MAX_LENGTH + " characters (it has " + length + ").";
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "The password may not contain control characters (line breaks, tabs).";
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (commonPasswords().contains(folded)) {
            return "This password is one of the most common ones, which are tried first: choose another "
                    + "(a few unrelated words make a long password that is easy to remember).";
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && folded.contains(name)) {
            return "The password may not contain the username.";
        }
        if (folded.codePoints().distinct().count() < 4) {
            return "The password repeats too few different characters: choose a less predictable one.";
        }
        return null;
    }

    private Set<String> commonPasswords() {
        Set<String> loaded = common;
        if (loaded == null) {
            synchronized (this) {
                loaded = common;
                if (loaded == null) {
                    loaded = load();
                    common = loaded;
                }
            }
        }
        return loaded;
    }

    private static Set<String> load() {
        InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(LIST);
        if (in == null) {
            throw new IllegalStateException(LIST + " is missing from the class path");
        }
        Set<String> words = new HashSet<>(16_384);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + LIST, e);
        }
        return Set.copyOf(words);
    }
}
