package org.compact.tracker.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar text writer: folding by octets, never inside a character, and TEXT escaping (RFC 5545 3.1, 3.3.11). */
class IcsTest {

    @Test
    void aPolishOrUrduLineIsFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String title = "Nowe mieszkania na Ordsall: gdzie powinny stanąć i czego potrzebuje okolica — "
                + "زیادہ گھر اور بہتر پارک 😀 ".repeat(3);
        String written = new Ics().text("SUMMARY", title).toString();

        assertThat(written).endsWith("\r\n").doesNotContainPattern("[^\\r]\\n");
        for (String line : written.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = written.replace("\r\n ", "");
        assertThat(unfolded).isEqualTo("SUMMARY:" + Ics.escape(title) + "\r\n");
        assertThat(written.getBytes(StandardCharsets.UTF_8)).as("valid UTF-8 round trip")
                .isEqualTo(new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCommaInsideACategoryStaysInItsCategoryAndTextIsEscaped() {
        assertThat(Ics.textList(List.of("parks, play areas", "housing"))).isEqualTo("parks\\, play areas,housing");
        assertThat(Ics.escape("a;b\\c\r\nd\ne")).isEqualTo("a\\;b\\\\c\\nd\\ne");
    }

    @Test
    void whatIcal4jWroteIsRefoldedByOctets() {
        String ical4j = "BEGIN:VEVENT\r\nSUMMARY:" + "ą".repeat(60) + "\r\n " + "ę".repeat(20) + "\r\nEND:VEVENT\r\n";
        String refolded = Ics.refold(ical4j);
        for (String line : refolded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(refolded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\nSUMMARY:" + "ą".repeat(60) + "ę".repeat(20)
                + "\r\nEND:VEVENT\r\n");
    }

    @Test
    void theUidDomainIsTheSettingElseThePublicHost() {
        assertThat(Ics.uidDomain("https://Consult.Salford.example:8443/", "")).isEqualTo("consult.salford.example");
        assertThat(Ics.uidDomain("https://consult.salford.example", "tracker.salford.gov.uk"))
                .isEqualTo("tracker.salford.gov.uk");
    }
}
