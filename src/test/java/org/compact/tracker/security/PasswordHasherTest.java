package org.compact.tracker.security;

import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aHashedPasswordMatchesItselfAndNothingElse() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$2a$04$");
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void anUnknownUserNeverSignsInWhateverThePassword() {
        for (String password : new String[] {"", "not a password", "admin", "x".repeat(72)}) {
            assertThat(hasher.matches(password, null)).as(password).isFalse();
        }
    }

    @Test
    void theUnknownUserCheckIsAWellFormedHashAtTheConfiguredCostSoItTakesAsLong() {
        String dummy = new PasswordHasher(12).dummyHash();

        // bcrypt reads the cost from the hash it checks against: "$2a$12$" means the same 2^12 rounds as a real hash.
        assertThat(dummy).matches("\\$2a\\$12\\$[./A-Za-z0-9]{53}");
        // and BCrypt accepts it as a hash (a malformed one would throw instead of doing the work)
        assertThat(BCrypt.hashpw("anything", dummy.substring(0, 29))).startsWith(dummy.substring(0, 29));
    }

    @Test
    void eachStartMakesADifferentUnknownUserHash() {
        assertThat(new PasswordHasher(4).dummyHash()).isNotEqualTo(new PasswordHasher(4).dummyHash());
    }
}
