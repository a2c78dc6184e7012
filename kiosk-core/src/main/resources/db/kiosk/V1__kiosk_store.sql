-- The kiosk's own database, shared by kiosk-app and kiosk-agent in WAL mode.

-- Slips already surveyed, so a slip is surveyed once. Keeps no NIK data.
CREATE TABLE surveyed_slip (
    office_id           TEXT    NOT NULL,
    registration_number TEXT    NOT NULL,
    surveyed_at         TEXT    NOT NULL,
    ticket_serial       INTEGER NOT NULL,
    PRIMARY KEY (office_id, registration_number)
);

-- Tickets this kiosk issued. masked_nik and nik_digest are personal data, cleared by the
-- agent's retention job once the ticket record has been synced.
CREATE TABLE ticket (
    serial              INTEGER PRIMARY KEY,
    registration_number TEXT    NOT NULL,
    issued_at           TEXT    NOT NULL,
    masked_nik          TEXT,
    nik_digest          TEXT,
    payload             TEXT    NOT NULL,
    printed_at          TEXT,
    print_error         TEXT
);

-- Records waiting to be pushed. id is made once, when the record is made.
CREATE TABLE outbox (
    id            TEXT    PRIMARY KEY,
    sequence      INTEGER NOT NULL UNIQUE,
    type          TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'PENDING'
                  CHECK (state IN ('PENDING', 'SENT', 'REJECTED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    sent_at       TEXT,
    reject_reason TEXT
);
CREATE INDEX outbox_pending ON outbox (state, sequence);

-- Tickets redeemed at this pickup counter (counter mode).
CREATE TABLE redemption (
    ticket_id   TEXT PRIMARY KEY,
    redeemed_at TEXT NOT NULL
);

-- Small named values: counters and the installed config's ETag.
CREATE TABLE kiosk_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
