-- Compliance reports (indexes only). The notice lead time reads every NOTICE delivery of the consultations of a
-- period with the time the mail server accepted it (delivery.message_id = outbox_message.message_id). These covering
-- indexes let PostgreSQL (index-only scans) and H2 answer that join from the indexes alone, without reading each
-- delivery and outbox row: on 1,000,000 deliveries the report's heaviest query went from ~20 s to ~6-10 s on H2
-- (docs/performance.md). The report filters consultations on their open date.
CREATE INDEX ix_delivery_notice_lead ON delivery (consultation_id, kind, organisation_id, message_id);
CREATE INDEX ix_outbox_message_sent ON outbox_message (message_id, sent_at);
CREATE INDEX ix_consultation_opens ON consultation (opens_on, agency_id);
