package id.kypso.aggregator.enroll;

import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.sync.ConfigBundle.SignerKey;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrolled kiosks and counters, looked up on every signed request. */
public final class KioskRegistry {
    private static final Logger log = LoggerFactory.getLogger(KioskRegistry.class);
    private static final String COLUMNS =
            "kiosk_id, key_version, public_key, enrolled_at, revoked_at";

    private final Database database;
    private final Clock clock;
    // Decoding a key costs more than the lookup, so decoded keys are kept by their text.
    private final Map<String, PublicKey> decodedKeys = new ConcurrentHashMap<>();

    public KioskRegistry(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<Kiosk> find(KioskId kioskId) {
        return database.read(connection -> Sql.queryOne(connection,
                "SELECT " + COLUMNS + " FROM kiosk WHERE kiosk_id = ?", this::map,
                kioskId.toString()));
    }

    /** Returns the kiosks of one office, revoked ones included, in id order. */
    public List<Kiosk> ofOffice(String officeId) {
        return database.read(connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM kiosk WHERE office_id = ? ORDER BY kiosk_id",
                this::map, officeId));
    }

    public List<Kiosk> all() {
        return database.read(connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM kiosk ORDER BY kiosk_id", this::map));
    }

    /**
     * Returns every key version of the office's kiosks, for counters verifying tickets; a
     * revoked kiosk's keys are all marked revoked.
     */
    public List<SignerKey> keysOfOffice(String officeId) {
        return database.read(connection -> Sql.query(connection, "SELECT k.kiosk_id,"
                + " k.key_version, k.public_key, i.revoked_at FROM kiosk_key k"
                + " JOIN kiosk i ON i.kiosk_id = k.kiosk_id WHERE i.office_id = ?"
                + " ORDER BY k.kiosk_id, k.key_version", rows -> new SignerKey(
                        rows.getString(1), rows.getInt(2), rows.getString(3),
                        Sql.nullableLong(rows, "revoked_at") != null), officeId));
    }

    /**
     * Makes {@code publicKey} the kiosk's current key at {@code keyVersion}, which must be
     * higher than the current version; repeating the same rotation changes nothing. The
     * caller has checked that the kiosk signed the request with its current key.
     */
    public void rotate(KioskId kioskId, int keyVersion, String publicKey) {
        long now = clock.millis();
        database.inTransaction(connection -> {
            Kiosk current = Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM kiosk"
                    + " WHERE kiosk_id = ?", this::map, kioskId.toString()).orElseThrow(() ->
                            ProblemException.notFound("kiosk " + kioskId + " is not enrolled"));
            if (current.keyVersion() == keyVersion && current.publicKey().equals(publicKey)) {
                return null;
            }
            if (keyVersion <= current.keyVersion()) {
                throw ProblemException.conflict("kiosk " + kioskId + " already has key version "
                        + current.keyVersion() + "; a new key needs a higher version");
            }
            Sql.update(connection, "UPDATE kiosk SET key_version = ?, public_key = ?"
                    + " WHERE kiosk_id = ?", keyVersion, publicKey, kioskId.toString());
            Sql.update(connection, "INSERT INTO kiosk_key (kiosk_id, key_version, public_key,"
                    + " created_at) VALUES (?,?,?,?)", kioskId.toString(), keyVersion,
                    publicKey, now);
            return null;
        });
        log.info("Kiosk {} rotated its key to version {}", kioskId, keyVersion);
    }

    /** Revokes a kiosk: its signed requests fail from now on. Returns false if unknown. */
    public boolean revoke(KioskId kioskId) {
        long now = clock.millis();
        int changed = database.inTransaction(connection -> Sql.update(connection,
                "UPDATE kiosk SET revoked_at = ? WHERE kiosk_id = ? AND revoked_at IS NULL",
                now, kioskId.toString()));
        boolean known = changed == 1 || find(kioskId).isPresent();
        if (changed == 1) {
            log.info("Revoked kiosk {}", kioskId);
        }
        return known;
    }

    Kiosk map(ResultSet rows) throws SQLException {
        String publicKey = rows.getString("public_key");
        PublicKey key = decodedKeys.computeIfAbsent(publicKey, Ed25519::publicKey);
        return new Kiosk(KioskId.parse(rows.getString("kiosk_id")), rows.getInt("key_version"),
                publicKey, rows.getLong("enrolled_at"), Sql.nullableLong(rows, "revoked_at"),
                key);
    }
}
