package org.compact.tracker.web.pages;

import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.notice.DeliveryReport.ParticipantLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantMailSummaryTest {
    @Test
    void saysNothingWhenNoFeedbackWentToPeopleWhoTookPart() {
        assertThat(ConsultationDetailsController.participantMail(List.of())).isNull();
    }

    @Test
    void countsTheFeedbackMailToPeopleWhoTookPartByWhatBecameOfIt() {
        Instant now = Instant.parse("2027-03-01T10:00:00Z");
        assertThat(ConsultationDetailsController.participantMail(List.of(
                new ParticipantLine("ann@example.net", MailStatus.SENT, now, 1, null),
                new ParticipantLine("bo@example.net", MailStatus.FAILED, null, 12, "550 no such user"),
                new ParticipantLine("cy@example.net", MailStatus.SENT, now, 1, null))))
                .isEqualTo("Feedback mail to 3 people who took part: 2 sent, 1 failed.");
        assertThat(ConsultationDetailsController.participantMail(List.of(
                new ParticipantLine("ann@example.net", MailStatus.QUEUED, null, 0, null))))
                .isEqualTo("Feedback mail to 1 person who took part: 1 waiting to go.");
    }
}
