package org.compact.tracker.security;

import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aHashedPasswordMatchesItselfAndNothingElse() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith(PasswordHasher.PREHASHED + "$2a$04$");
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void longPasswordsAreNotCutAtBcryptsSeventyTwoBytes() {
        String first72 = "a long passphrase that goes on and on, past the seventy-two bytes bcrypt ";
        assertThat(first72.length()).isGreaterThanOrEqualTo(72);
        String hash = hasher.hash(first72 + "reads: the end");

        assertThat(hasher.matches(first72 + "reads: the end", hash)).isTrue();
        assertThat(hasher.matches(first72 + "reads: another end", hash)).isFalse();
        // 25 three-byte characters are 75 bytes: the last one counts too
        String hash3 = hasher.hash("ż".repeat(24) + "a");
        assertThat(hasher.matches("ż".repeat(24) + "b", hash3)).isFalse();
    }

    @Test
    void hashesOfTheOlderFormStillSignInAndAskToBeRemade() {
        String older = BCrypt.hashpw("correct horse battery staple", BCrypt.gensalt(4));

        assertThat(hasher.matches("correct horse battery staple", older)).isTrue();
        assertThat(hasher.matches("wrong horse battery staple", older)).isFalse();
        assertThat(hasher.needsRehash(older)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("correct horse battery staple"))).isFalse();
        assertThat(new PasswordHasher(5).needsRehash(hasher.hash("correct horse battery staple"))).isTrue();
    }

    @Test
    void aMalformedStoredHashSignsNobodyIn() {
        assertThat(hasher.matches("anything at all", "not a bcrypt hash")).isFalse();
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
        assertThat(dummy).matches("\\$sha384\\$\\$2a\\$12\\$[./A-Za-z0-9]{53}");
        String bcrypt = dummy.substring(PasswordHasher.PREHASHED.length());
        // and BCrypt accepts it as a hash (a malformed one would throw instead of doing the work)
        assertThat(BCrypt.hashpw("anything", bcrypt.substring(0, 29))).startsWith(bcrypt.substring(0, 29));
    }

    @Test
    void eachStartMakesADifferentUnknownUserHash() {
        assertThat(new PasswordHasher(4).dummyHash()).isNotEqualTo(new PasswordHasher(4).dummyHash());
    }
}
