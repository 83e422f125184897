package org.compact.tracker.notice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeliveryRepository extends CrudRepository<Delivery, Long> {
    List<Delivery> findByConsultationIdOrderById(Long consultationId);

    List<Delivery> findByConsultationIdAndKindOrderById(Long consultationId, NoticeKind kind);

    boolean existsByMessageId(String messageId);

    List<Delivery> findByOrganisationIdOrderByIdDesc(Long organisationId);

    /** The consultations of which these just-accepted messages are an organisation's first receipt of the notice. */
    @Query("""
            SELECT DISTINCT d.consultation_id FROM delivery d
            WHERE d.message_id IN (:messageIds) AND d.kind = 'NOTICE'
              AND NOT EXISTS (
                SELECT 1 FROM delivery e JOIN outbox_message o ON o.message_id = e.message_id
                WHERE e.consultation_id = d.consultation_id AND e.organisation_id = d.organisation_id
                  AND e.kind = 'NOTICE' AND o.sent_at IS NOT NULL AND e.message_id NOT IN (:messageIds))""")
    List<Long> findFirstReceiptConsultations(Collection<String> messageIds);

    /** The consultation a notice was sent for (empty when the message is no notice). */
    @Query("SELECT d.consultation_id FROM delivery d WHERE d.message_id = :messageId AND d.kind = 'NOTICE'")
    List<Long> findNoticeConsultation(String messageId);

}
