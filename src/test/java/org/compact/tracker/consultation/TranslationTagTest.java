package org.compact.tracker.consultation;

import org.compact.tracker.support.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranslationTagTest {
    @Test
    void aWellFormedTagIsKeptInItsCanonicalCase() {
        assertThat(Translations.tag("PL")).isEqualTo("pl");
        assertThat(Translations.tag("ur")).isEqualTo("ur");
        assertThat(Translations.tag("pa-guru")).isEqualTo("pa-Guru");
        assertThat(Translations.tag("zh-Hant-HK")).isEqualTo("zh-Hant-HK");
    }

    @Test
    void anythingElseIsRefusedNamingTheLanguageField() {
        for (String bad : new String[]{"not_a_tag", "", " ", "Polish language", "x", "und", "12", "pl--PL"}) {
            assertThatThrownBy(() -> Translations.tag(bad)).as(bad).isInstanceOfSatisfying(Refusal.class, r -> {
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("language"));
            });
        }
    }
}
