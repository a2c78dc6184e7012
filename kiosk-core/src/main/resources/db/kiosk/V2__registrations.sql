-- Recent registration slips of this office, as the perekaman desk signed them, so a slip
-- number keyed in by hand can be checked. The agent replaces the whole set at each pull.
CREATE TABLE registration (
    registration_number TEXT PRIMARY KEY,
    slip                TEXT NOT NULL,
    perekaman_at        TEXT NOT NULL
);
CREATE INDEX registration_perekaman ON registration (perekaman_at);
