package org.compact.tracker.notice;

import jakarta.inject.Singleton;
import org.compact.tracker.mail.MailSent;
import org.compact.tracker.support.ConsultationStamps;
import org.compact.tracker.support.RegisterStamp;

import java.util.Collection;
import java.util.List;

/**
 * An organisation's first receipt of a consultation's notice changes what the register answers (the NOTICE check
 * counts from it, the public programme says when notice was given): it moves the consultation's stamp and the register
 * stamp, in the transaction that records the mail as sent, so every answer kept under the old stamp is dropped on every node. A later contact's
 * notice of the same organisation changes no receipt and moves nothing. A notice given up (FAILED) moves it too:
 * the NOTICE check then says the organisation's notice was not received and what the officer can do.
 */
@Singleton
class ReceiptStamp implements MailSent {
    private final DeliveryRepository deliveries;
    private final RegisterStamp stamp;
    private final ConsultationStamps stamps;

    ReceiptStamp(DeliveryRepository deliveries, RegisterStamp stamp, ConsultationStamps stamps) {
        this.deliveries = deliveries;
        this.stamp = stamp;
        this.stamps = stamps;
    }

    @Override
    public void sent(Collection<String> messageIds) {
        List<Long> received = deliveries.findFirstReceiptConsultations(messageIds);
        if (!received.isEmpty()) {
            stamps.moved(received);
            stamp.moved();
        }
    }

    @Override
    public void givenUp(String messageId) {
        List<Long> notice = deliveries.findNoticeConsultation(messageId);
        if (!notice.isEmpty()) {
            stamps.moved(notice);
            stamp.moved();
        }
    }
}
