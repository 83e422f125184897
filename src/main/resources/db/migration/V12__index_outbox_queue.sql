-- The relay's claim reads the ids of the due QUEUED rows, oldest first. With (status, next_attempt_at) H2 read
-- every queued row (bodies and all) to check claimed_until, then sorted them: ~12 ms per claim with 5,000 queued.
-- This index holds every column the claim looks at, so it is answered from the index alone (~4 ms).
CREATE INDEX ix_outbox_message_queue ON outbox_message (status, id, next_attempt_at, claimed_until);
DROP INDEX ix_outbox_message_due;
