-- Joint consultations (issue 20, item 4): a consultation has one lead agency (consultation.agency_id) and may have
-- partner agencies that consult with it. Officers of a partner read it and record its feedback, actions and answers
-- to concerns; the compliance reports count it for the lead and for every partner. One row per partner; the lead is
-- never a partner of its own consultation (checked by the register). Runs unchanged on PostgreSQL and on H2 in
-- PostgreSQL mode.
CREATE TABLE consultation_partner (
    consultation_id BIGINT NOT NULL REFERENCES consultation (id),
    agency_id       BIGINT NOT NULL REFERENCES agency (id),
    seq             INT    NOT NULL,
    CONSTRAINT pk_consultation_partner PRIMARY KEY (consultation_id, agency_id)
);
CREATE INDEX ix_consultation_partner_agency ON consultation_partner (agency_id, consultation_id);
