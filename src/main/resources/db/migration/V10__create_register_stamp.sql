-- A stamp of the register, changed in the same transaction as every change that can alter what a consultation's
-- read shows: the consultation itself, its exemptions, its feedback and actions, and the organisation directory
-- (OVERLOAD and INCLUSION look at other consultations and at the organisations targeted). Readers that keep
-- computed answers (the rule checks of GET /api/consultations/{id}, pages of the register list) keep them under the
-- stamp they read first, and compute again once it has moved. Each change takes a new value from a sequence, so a
-- value is never used twice, not even after a rollback. (V8 and V9 are left to work under way on other branches.)
CREATE SEQUENCE register_stamp_seq START WITH 1;

CREATE TABLE register_stamp (
    id    INT    NOT NULL PRIMARY KEY,
    stamp BIGINT NOT NULL,
    CONSTRAINT ck_register_stamp_single CHECK (id = 1)
);

INSERT INTO register_stamp (id, stamp) VALUES (1, 0);
