-- The monthly letter to each agency's compliance contact and every monitor (issue 20 item 3): one row per month,
-- claimed in the transaction that queues the month's letters, so that the letters go once per month across nodes.
CREATE TABLE compliance_letter (
    letter_month VARCHAR(7)            NOT NULL PRIMARY KEY,
    queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    letters      INTEGER                  NOT NULL
);
