-- A stamp per consultation, so a change forgets only the kept answers it can alter (issue 17). Moved, in the
-- transaction of the change, for the consultation changed and for the consultations whose checks it can alter: those
-- whose OVERLOAD counts it (sharing a targeted organisation, near in time), its exemptions, feedback and actions, and
-- its organisations' first receipts of its notice. The row with consultation_id 0 is the directory's: every change
-- to an organisation (or a contact's unsubscribe) moves it, as any consultation may target any organisation. A reader
-- reads the consultation's row and row 0 (one query) before the data, and keeps its answer under both. The register
-- stamp (V10) still moves with every change, for the answers that list the whole register. Values come from a
-- sequence, never used twice, not even after a rollback.
CREATE SEQUENCE consultation_stamp_seq START WITH 1;

CREATE TABLE consultation_stamp (
    consultation_id BIGINT NOT NULL PRIMARY KEY,
    stamp           BIGINT NOT NULL
);

INSERT INTO consultation_stamp (consultation_id, stamp) VALUES (0, 0);
INSERT INTO consultation_stamp (consultation_id, stamp) SELECT id, 0 FROM consultation;
