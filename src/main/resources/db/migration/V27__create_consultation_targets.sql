-- The organisations each dated consultation targets, resolved (named ones and those matching its areas, interests and
-- communities), with its period and whether it is live (issue 17): OVERLOAD reads the other live consultations of a
-- consultation's organisations near its dates from here, by the organisation's index, instead of loading every live
-- consultation nearby; a change finds the consultations whose OVERLOAD counts it the same way. Written by the service
-- in the transaction of each change to a consultation's status, dates or targets, and for an organisation's rows by
-- each change to the directory. Filled for the consultations already there at the first start after this migration
-- (consultation_target_state.built, claimed by one node).
CREATE TABLE consultation_target (
    consultation_id BIGINT  NOT NULL,
    organisation_id BIGINT  NOT NULL,
    live            BOOLEAN NOT NULL,
    opens_on        DATE    NOT NULL,
    closes_on       DATE    NOT NULL,
    CONSTRAINT pk_consultation_target PRIMARY KEY (consultation_id, organisation_id)
);
CREATE INDEX ix_consultation_target_organisation
    ON consultation_target (organisation_id, opens_on, closes_on, live, consultation_id);

CREATE TABLE consultation_target_state (
    id    INT     NOT NULL PRIMARY KEY,
    built BOOLEAN NOT NULL,
    CONSTRAINT ck_consultation_target_state_single CHECK (id = 1)
);
INSERT INTO consultation_target_state (id, built) VALUES (1, FALSE);
