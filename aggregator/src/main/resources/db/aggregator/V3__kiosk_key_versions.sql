-- Every key version a kiosk has signed with. The kiosk row has the current one, which signs
-- requests. Counters still need the earlier ones to verify tickets printed before a key
-- rotation.
CREATE TABLE kiosk_key (
    kiosk_id TEXT NOT NULL REFERENCES kiosk (kiosk_id),
    key_version INTEGER NOT NULL,
    public_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (kiosk_id, key_version)
);

INSERT INTO kiosk_key (kiosk_id, key_version, public_key, created_at)
SELECT kiosk_id, key_version, public_key, enrolled_at FROM kiosk;
