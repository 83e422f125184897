package org.compact.tracker.web.pages;

import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.notice.DeliveryReport.Line;
import org.compact.tracker.notice.NoticeKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The consultation page's line on mail waiting for the mail server: how much, and since when, in words. */
class MailServerWaitingTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant FRIDAY = Instant.parse("2027-03-05T17:10:00Z");

    private static Line line(NoticeKind kind, MailStatus status, int attempts, Instant waitingSince) {
        return new Line(1L, 2L, "Ordsall Tenants", "tenants@example.org", kind, status, null, attempts, null, null,
                null, null, waitingSince);
    }

    @Test
    void saysNothingWhenNoMailWaitsForTheServerNotEvenMailWaitingForItsFirstTry() {
        assertThat(ConsultationDetailsController.mailServerWaiting(List.of(
                line(NoticeKind.NOTICE, MailStatus.QUEUED, 0, null),
                line(NoticeKind.NOTICE, MailStatus.SENT, 3, null)), LONDON)).isNull();
    }

    @Test
    void countsTheNoticesAndOtherMailWaitingForTheServerSinceTheOldestFirstFailure() {
        assertThat(ConsultationDetailsController.mailServerWaiting(List.of(
                line(NoticeKind.NOTICE, MailStatus.QUEUED, 40, FRIDAY.plusSeconds(600)),
                line(NoticeKind.NOTICE, MailStatus.QUEUED, 41, FRIDAY),
                line(NoticeKind.CHANGE, MailStatus.QUEUED, 2, FRIDAY.plusSeconds(86_400)),
                line(NoticeKind.NOTICE, MailStatus.SENT, 1, null)), LONDON))
                .isEqualTo("2 notices and 1 other mail are waiting for the mail server: it has not taken them since "
                        + "5 March 2027, 17:10. The tracker keeps trying and they go as soon as the server takes mail "
                        + "again.");
        assertThat(ConsultationDetailsController.mailServerWaiting(List.of(
                line(NoticeKind.NOTICE, MailStatus.QUEUED, 1, FRIDAY)), LONDON))
                .startsWith("1 notice is waiting for the mail server: it has not taken it since 5 March 2027, 17:10.");
    }
}
