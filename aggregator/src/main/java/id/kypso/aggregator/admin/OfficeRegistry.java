package id.kypso.aggregator.admin;

import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.Nip;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.core.sync.ConfigBundle.SignerKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offices, their slip-signing keys and their officer rosters. */
public final class OfficeRegistry {
    /** The largest roster photo accepted, as decoded bytes. */
    public static final int MAX_PHOTO_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(OfficeRegistry.class);

    private final Database database;
    private final Clock clock;

    public OfficeRegistry(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Creates or renames an office and adds its key version. Repeating the same call changes
     * nothing; the same key version with another key is a conflict.
     */
    public Office upsert(String officeIdText, String name, String publicKey, int keyVersion) {
        OfficeId officeId = parseOffice(officeIdText);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.unprocessable("office name must be 1-200 characters");
        }
        if (keyVersion < 0 || keyVersion > 255) {
            throw ProblemException.unprocessable("keyVersion must be 0-255: " + keyVersion);
        }
        try {
            Ed25519.publicKey(publicKey);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.unprocessable("publicKey must be base64 of a raw 32-byte"
                    + " Ed25519 key");
        }
        long now = clock.millis();
        String id = officeId.toString();
        database.inTransaction(connection -> {
            Sql.update(connection, "INSERT INTO office (office_id, region, name, updated_at)"
                    + " VALUES (?,?,?,?) ON CONFLICT (office_id) DO UPDATE SET"
                    + " name = excluded.name, updated_at = excluded.updated_at",
                    id, officeId.region(), name.strip(), now);
            Optional<String> existing = Sql.queryOne(connection, "SELECT public_key FROM"
                    + " office_key WHERE office_id = ? AND key_version = ?",
                    rows -> rows.getString(1), id, keyVersion);
            if (existing.isPresent() && !existing.get().equals(publicKey)) {
                throw ProblemException.conflict("office " + id + " already has another key"
                        + " at version " + keyVersion + "; use a new key version");
            }
            if (existing.isEmpty()) {
                Sql.update(connection, "INSERT INTO office_key (office_id, key_version,"
                        + " public_key, created_at) VALUES (?,?,?,?)", id, keyVersion,
                        publicKey, now);
            }
            return null;
        });
        log.info("Registered office {} with key version {}", id, keyVersion);
        return new Office(id, officeId.region(), name.strip());
    }

    public Optional<Office> find(String officeId) {
        return database.read(connection -> Sql.queryOne(connection, "SELECT office_id, region,"
                + " name FROM office WHERE office_id = ?",
                rows -> new Office(rows.getString(1), rows.getString(2), rows.getString(3)),
                officeId));
    }

    public Office require(String officeId) {
        return find(officeId).orElseThrow(() -> ProblemException.notFound("office " + officeId
                + " is not registered"));
    }

    public List<Office> all() {
        return database.read(connection -> Sql.query(connection, "SELECT office_id, region,"
                + " name FROM office ORDER BY office_id",
                rows -> new Office(rows.getString(1), rows.getString(2), rows.getString(3))));
    }

    public List<SignerKey> keys(String officeId) {
        return database.read(connection -> Sql.query(connection, "SELECT key_version,"
                + " public_key, revoked_at FROM office_key WHERE office_id = ?"
                + " ORDER BY key_version", rows -> new SignerKey(officeId, rows.getInt(1),
                        rows.getString(2), Sql.nullableLong(rows, "revoked_at") != null),
                officeId));
    }

    /** Revokes one office key version, so kiosks refuse slips it signed. */
    public void revokeKey(String officeId, int keyVersion) {
        int changed = database.inTransaction(connection -> Sql.update(connection,
                "UPDATE office_key SET revoked_at = ? WHERE office_id = ? AND key_version = ?"
                        + " AND revoked_at IS NULL", clock.millis(), officeId, keyVersion));
        if (changed == 0 && keys(officeId).stream().noneMatch(k -> k.keyVersion() == keyVersion)) {
            throw ProblemException.notFound("office " + officeId + " has no key version "
                    + keyVersion);
        }
        log.info("Revoked key version {} of office {}", keyVersion, officeId);
    }

    /** Replaces the roster of an office in one transaction, after validating every row. */
    public void replaceRoster(String officeId, List<RosterOfficer> roster) {
        require(officeId);
        List<String> problems = validateRoster(roster);
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("roster has " + problems.size()
                    + " problem(s): " + problems.get(0)).with("problems", problems);
        }
        database.inTransaction(connection -> {
            Sql.update(connection, "DELETE FROM roster_officer WHERE office_id = ?", officeId);
            for (int i = 0; i < roster.size(); i++) {
                RosterOfficer officer = roster.get(i);
                Sql.update(connection, "INSERT INTO roster_officer (office_id, nip, stage, name,"
                        + " photo, ordinal) VALUES (?,?,?,?,?,?)", officeId,
                        Nip.parse(officer.nip()).toString(), officer.stage(),
                        officer.name().strip(), officer.photo(), i);
            }
            return null;
        });
        log.info("Replaced roster of office {} with {} officers", officeId, roster.size());
    }

    public List<RosterOfficer> roster(String officeId) {
        return database.read(connection -> Sql.query(connection, "SELECT nip, name, stage,"
                + " photo FROM roster_officer WHERE office_id = ? ORDER BY ordinal",
                rows -> new RosterOfficer(rows.getString(1), rows.getString(2),
                        rows.getString(3), rows.getString(4)), officeId));
    }

    /** Returns the roster name and office of an officer, the first office by id if several. */
    public Optional<Office> officeOf(String nip) {
        return database.read(connection -> Sql.queryOne(connection, "SELECT o.office_id,"
                + " o.region, o.name FROM roster_officer r JOIN office o"
                + " ON o.office_id = r.office_id WHERE r.nip = ? ORDER BY o.office_id",
                rows -> new Office(rows.getString(1), rows.getString(2), rows.getString(3)),
                nip));
    }

    public Optional<String> officerName(String nip) {
        return database.read(connection -> Sql.queryOne(connection, "SELECT name FROM"
                + " roster_officer WHERE nip = ? ORDER BY office_id", rows -> rows.getString(1),
                nip));
    }

    static List<String> validateRoster(List<RosterOfficer> roster) {
        List<String> problems = new ArrayList<>();
        if (roster == null) {
            problems.add("roster must be a JSON array");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roster.size(); i++) {
            RosterOfficer officer = roster.get(i);
            String where = "roster[" + i + "]";
            if (officer == null) {
                problems.add(where + " is null");
                continue;
            }
            try {
                Nip.parse(officer.nip());
            } catch (IllegalArgumentException e) {
                problems.add(where + ".nip: " + e.getMessage());
            }
            if (officer.name() == null || officer.name().isBlank()
                    || officer.name().length() > 200) {
                problems.add(where + ".name must be 1-200 characters");
            }
            try {
                ServiceStage.valueOf(String.valueOf(officer.stage()));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".stage must be one of VERIFIKASI, PEREKAMAN, PENGAMBILAN: "
                        + officer.stage());
            }
            if (!seen.add(officer.nip() + "/" + officer.stage())) {
                problems.add(where + " repeats NIP " + officer.nip() + " at stage "
                        + officer.stage());
            }
            if (officer.photo() != null) {
                String photoProblem = photoProblem(officer.photo());
                if (photoProblem != null) {
                    problems.add(where + ".photo " + photoProblem);
                }
            }
        }
        return problems;
    }

    /** Returns why a base64 roster photo is unacceptable, or null when it is a JPEG or PNG. */
    static String photoProblem(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return "is not valid base64";
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            return "is " + bytes.length + " bytes, over the limit of " + MAX_PHOTO_BYTES;
        }
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff
                && (bytes[1] & 0xff) == 0xd8;
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P'
                && bytes[2] == 'N' && bytes[3] == 'G';
        return jpeg || png ? null : "is neither JPEG nor PNG";
    }

    private static OfficeId parseOffice(String officeId) {
        try {
            return OfficeId.parse(officeId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
    }
}
