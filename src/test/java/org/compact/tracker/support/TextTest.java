package org.compact.tracker.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {
    @Test
    void keepsOrdinaryTextWithLineBreaksTabsAndAccents() {
        assertThat(Text.plain("summary", "Café on\tthe corner,\r\nand a new path — £2m.")).isNotNull();
    }

    @Test
    void refusesANulNamingTheField() {
        assertThatThrownBy(() -> Text.plain("title", "Homes\u0000"))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).errors().get(0).field()).isEqualTo("title"));
    }

    @Test
    void namesTheListElementThatHoldsAControlCharacter() {
        assertThatThrownBy(() -> Text.plain("areas", List.of("Ordsall", "Ker\u0007sal")))
                .satisfies(e -> assertThat(((Refusal) e).errors().get(0).field()).isEqualTo("areas[1]"));
    }

    @Test
    void aSingleLineRefusesLineBreaksAndTabsThatTextOfSeveralLinesKeeps() {
        assertThat(Text.singleLine("name", "Café on the corner — £2m")).isNotNull();
        for (String bad : List.of("Homes\r\nBcc: x@example.org", "Homes\tfor all", "Homes\u0085", "Homes\u2028")) {
            assertThatThrownBy(() -> Text.singleLine("name", bad)).as(bad).isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).errors().get(0).field()).isEqualTo("name"));
        }
    }

    @Test
    void noTextTakesBidiOverridesIsolatesOrZeroWidthCharacters() {
        for (char c : new char[] {'\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200F', '\uFEFF', '\u061C'}) {
            assertThatThrownBy(() -> Text.plain("summary", "Homes " + c + "for all")).as("U+%04X", (int) c)
                    .satisfies(e -> assertThat(((Refusal) e).errors().get(0).reason()).contains("bidirectional"));
        }
    }

    @Test
    void theJoinersThatUrduAndTheIndicScriptsSpellWithAreKept() {
        // Persian "mi\u200Cravam" needs the zero-width non-joiner; a family emoji is joined with U+200D
        assertThat(Text.singleLine("name", "\u0645\u06CC\u200C\u0631\u0648\u0645")).isNotNull();
        assertThat(Text.singleLine("name", "Families \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 together")).isNotNull();
    }

    @Test
    void storedTextIsMadeOneVisibleLineForAHeader() {
        assertThat(Text.oneLine("Homes\r\nBcc: x@example.org \u202Eexe.txt")).isEqualTo("Homes Bcc: x@example.org exe.txt");
    }
}
