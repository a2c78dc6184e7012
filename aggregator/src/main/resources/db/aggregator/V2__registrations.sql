-- Signed registration slips sent by the perekaman desk, served to the office's kiosks so a
-- slip number keyed in by hand can be checked. Kept only for a few days. Nothing links them to
-- survey responses: responses carry no registration number.
CREATE TABLE registration (
    office_id TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    slip TEXT NOT NULL,
    perekaman_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (office_id, registration_number)
);

CREATE INDEX registration_office_perekaman ON registration (office_id, perekaman_at);
