-- Mail that outlasts an outage (docs/mail.md "Retries, back-off, parking"). A message is now given up after a time
-- (tracker.mail.relay.give-up-after, 72 h), counted from its first temporary failure, rather than after a count of
-- attempts: failing_since is that moment, set at the first failure and cleared when an admin requeues the message.
-- It is also how the pages and the notice watch tell "waiting for the mail server" from "waiting for its first try".
ALTER TABLE outbox_message ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;

-- Messages already retrying when the service is upgraded: they have been waiting since they were queued.
UPDATE outbox_message SET failing_since = created_at WHERE status = 'QUEUED' AND attempts > 0;

-- Whether mail as a whole is failing, one row for every node: since when no message got through while some failed
-- for a passing reason, and when the admin was alerted about it. A message getting through clears both, so the next
-- outage is alerted again, once.
CREATE TABLE mail_health (
    id            INT PRIMARY KEY,
    failing_since TIMESTAMP WITH TIME ZONE,
    alerted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_mail_health_one_row CHECK (id = 1)
);
INSERT INTO mail_health (id) VALUES (1);
