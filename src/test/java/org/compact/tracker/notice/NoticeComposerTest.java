package org.compact.tracker.notice;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeComposerTest {
    private final NoticeComposer composer =
            new NoticeComposer(null, new EventCalendar(Clock.systemUTC(), "https://tracker.salford.example", "",
                    "Consultations <consultations@salford.example>"), "Consultations <consultations@salford.example>");

    @Test
    void anAlertsMessageIdIsPlainAsciiInTheServicesDomainWhateverTheRecipientsAddress() {
        String international = composer.alertId("CONCERN_ANSWER", 42, "7", "info@bücher.example");
        String veryLong = composer.alertId("NOTICE_BREACH", 42, "2027-03-01-w2", "a@" + "x".repeat(240) + ".example");

        assertThat(international).startsWith("alert-concern_answer-42-7-").endsWith("@salford.example")
                .matches("[!-~&&[^<>]]+");
        assertThat(veryLong).endsWith("@salford.example").matches("[!-~&&[^<>]]+").hasSizeLessThan(120);
        assertThat(composer.alertId("CONCERN_ANSWER", 42, "7", "other@bücher.example"))
                .as("one id per address").isNotEqualTo(international);
    }
}
