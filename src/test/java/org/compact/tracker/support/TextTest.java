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
}
