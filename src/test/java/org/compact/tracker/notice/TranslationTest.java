package org.compact.tracker.notice;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationTest {
    private static Translation in(String tag) {
        return new Translation(tag, "t", "s", null, null);
    }

    @Test
    void anOrganisationsLanguageMatchesByTagOrEnglishNameWhateverTheCase() {
        assertThat(in("pl").meets("Polish")).isTrue();
        assertThat(in("pl").meets(" polish ")).isTrue();
        assertThat(in("pl").meets("PL")).isTrue();
        assertThat(in("ur-PK").meets("Urdu")).isTrue();
        assertThat(in("pl").meets("Punjabi")).isFalse();
        assertThat(in("pl").meetsAnyOf(List.of("Urdu", "Polish"))).isTrue();
        assertThat(in("pl").meetsAnyOf(List.of())).isFalse();
    }

    @Test
    void arabicScriptAndHebrewRunRightToLeftAndLatinScriptDoesNot() {
        assertThat(List.of("ar", "ur", "fa", "ps", "he", "yi", "sd", "ug", "ckb", "pa-Arab"))
                .allSatisfy(tag -> assertThat(in(tag).rightToLeft()).as(tag).isTrue());
        assertThat(List.of("pl", "so", "pa", "pa-Guru", "bn", "en"))
                .allSatisfy(tag -> assertThat(in(tag).rightToLeft()).as(tag).isFalse());
    }

    @Test
    void aLanguageIsNamedInEnglishAndInItself() {
        assertThat(in("ur").englishName()).isEqualTo("Urdu");
        assertThat(in("ur").ownName()).isEqualTo("اردو");
        assertThat(in("pl").ownName()).isEqualTo("polski");
    }

    @Test
    void theOrganisationsCalendarFoldsLinesAtSeventyFiveOctetsNeverInsideACharacter() {
        String line = "SUMMARY:Consultation open: " + "Plac zabaw: gdzie mają stać huśtawki? اردو میں نئے گھر ".repeat(4);
        String folded = OrganisationCalendar.foldOctets(line + "\r\nEND:VEVENT\r\n");
        for (String physical : folded.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\nEND:VEVENT\r\n");
    }
}
