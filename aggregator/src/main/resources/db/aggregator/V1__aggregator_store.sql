-- One schema for SQLite and PostgreSQL: only TEXT, INTEGER and BIGINT columns, times as epoch
-- milliseconds, flags as 0/1, and no generated keys, so the same statements run on both.

CREATE TABLE office (
    office_id TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE office_key (
    office_id TEXT NOT NULL REFERENCES office (office_id),
    key_version INTEGER NOT NULL,
    public_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (office_id, key_version)
);

CREATE TABLE kiosk (
    kiosk_id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES office (office_id),
    key_version INTEGER NOT NULL,
    public_key TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE enrollment_token (
    token_sha256 TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES office (office_id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    used_by TEXT
);

CREATE TABLE roster_officer (
    office_id TEXT NOT NULL REFERENCES office (office_id),
    nip TEXT NOT NULL,
    stage TEXT NOT NULL,
    name TEXT NOT NULL,
    photo TEXT,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (office_id, nip, stage)
);

CREATE INDEX roster_officer_nip ON roster_officer (nip);

CREATE TABLE survey_definition (
    survey_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    is_current INTEGER NOT NULL,
    PRIMARY KEY (survey_id, version)
);

-- Every record a kiosk pushed and the server stored, its payload in canonical JSON (object keys
-- sorted, values as received), so each published figure can be rebuilt and explained from the
-- records behind it.
CREATE TABLE sync_record (
    record_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    kiosk_sequence BIGINT NOT NULL,
    record_type TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    body_sha256 TEXT NOT NULL,
    payload TEXT NOT NULL
);

CREATE INDEX sync_record_kiosk ON sync_record (kiosk_id, kiosk_sequence);

CREATE TABLE survey_response (
    response_id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    office_id TEXT NOT NULL,
    region TEXT NOT NULL,
    survey_id TEXT NOT NULL,
    survey_version INTEGER NOT NULL,
    verified INTEGER NOT NULL,
    surveyed_hour BIGINT NOT NULL,
    perekaman_hour BIGINT,
    language TEXT NOT NULL
);

CREATE INDEX survey_response_office ON survey_response (office_id, surveyed_hour);

-- Monthly sums of answers, kept up to date in the transaction that stores each response. The
-- dimension is E:<SKM element>, P:<ASN principle> or V:<answer 1-4>; nip is an officer.
CREATE TABLE score_month (
    office_id TEXT NOT NULL,
    region TEXT NOT NULL,
    nip TEXT NOT NULL,
    month INTEGER NOT NULL,
    dimension TEXT NOT NULL,
    answer_sum BIGINT NOT NULL,
    answer_count BIGINT NOT NULL,
    PRIMARY KEY (office_id, nip, month, dimension)
);

CREATE INDEX score_month_nip ON score_month (nip, month);
CREATE INDEX score_month_region ON score_month (region, month);

-- Monthly response counts: per officer (responses that name the officer as serving), and per
-- office under nip '' (survey responses, one per citizen).
CREATE TABLE response_month (
    office_id TEXT NOT NULL,
    region TEXT NOT NULL,
    nip TEXT NOT NULL,
    month INTEGER NOT NULL,
    responses BIGINT NOT NULL,
    unverified BIGINT NOT NULL,
    PRIMARY KEY (office_id, nip, month)
);

CREATE INDEX response_month_nip ON response_month (nip, month);
CREATE INDEX response_month_region ON response_month (region, month);

CREATE TABLE complaint (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    office_id TEXT NOT NULL,
    region TEXT NOT NULL,
    nip TEXT,
    category TEXT NOT NULL,
    complaint_text TEXT,
    surveyed_hour BIGINT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE INDEX complaint_office ON complaint (office_id, surveyed_hour);

-- A ticket row may come from its ticket-issued record or, first, from a redemption, since a
-- counter can redeem a ticket before the kiosk that issued it has synced.
CREATE TABLE ticket (
    ticket_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    office_id TEXT NOT NULL,
    region TEXT NOT NULL,
    serial BIGINT NOT NULL,
    perekaman_at BIGINT,
    issued_at BIGINT,
    redeemed_at BIGINT,
    redeemed_by TEXT,
    revoked_at BIGINT
);

CREATE INDEX ticket_office_issued ON ticket (office_id, issued_at);
CREATE INDEX ticket_region_issued ON ticket (region, issued_at);

CREATE TABLE heartbeat (
    kiosk_id TEXT PRIMARY KEY,
    received_at BIGINT NOT NULL,
    body TEXT NOT NULL
);

CREATE TABLE rejected_record (
    record_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (record_id, kiosk_id)
);

CREATE TABLE web_user (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    office_id TEXT,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE web_session (
    session_sha256 TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES web_user (username),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
