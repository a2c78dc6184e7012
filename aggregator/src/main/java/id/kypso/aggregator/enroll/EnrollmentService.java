package id.kypso.aggregator.enroll;

import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls kiosks with one-time tokens. A token is random, stored only as its SHA-256, bound to
 * one office, used once and valid for {@link #tokenLifetime}.
 */
public final class EnrollmentService {
    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);

    private final Database database;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final SecureRandom random = new SecureRandom();

    public EnrollmentService(Database database, Clock clock, Duration tokenLifetime) {
        this.database = database;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** A new enrollment token in clear, shown to the operator once. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** Issues a token for {@code officeId}; the office must exist. */
    public IssuedToken issueToken(String officeId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        Instant expiresAt = Instant.ofEpochMilli(now).plus(tokenLifetime);
        database.inTransaction(connection -> {
            if (Sql.queryOne(connection, "SELECT name FROM office WHERE office_id = ?",
                    rows -> rows.getString(1), officeId).isEmpty()) {
                throw ProblemException.notFound("office " + officeId + " is not registered");
            }
            return Sql.update(connection, "INSERT INTO enrollment_token (token_sha256,"
                    + " office_id, created_at, expires_at) VALUES (?,?,?,?)", hash(token),
                    officeId, now, expiresAt.toEpochMilli());
        });
        log.info("Issued an enrollment token for office {}, valid until {}", officeId,
                expiresAt);
        return new IssuedToken(token, expiresAt);
    }

    /** Enrolls the kiosk named in {@code request}, consuming its token. */
    public Enrollment.Response enroll(Enrollment.Request request) {
        KioskId kioskId = validate(request);
        long now = clock.millis();
        String tokenHash = hash(request.token());
        Enrollment.Response response = database.inTransaction(connection -> {
            // The token row decides first, so an unknown, used or expired token says nothing
            // about which kiosks exist.
            Optional<TokenRow> token = Sql.queryOne(connection, "SELECT office_id, expires_at,"
                    + " used_at FROM enrollment_token WHERE token_sha256 = ?",
                    rows -> new TokenRow(rows.getString(1), rows.getLong(2),
                            Sql.nullableLong(rows, "used_at")), tokenHash);
            if (token.isEmpty()) {
                throw ProblemException.unauthorized("enrollment-token",
                        "enrollment token is unknown");
            }
            if (token.get().usedAt() != null) {
                throw ProblemException.unauthorized("enrollment-token",
                        "enrollment token was already used");
            }
            if (token.get().expiresAt() <= now) {
                throw ProblemException.unauthorized("enrollment-token",
                        "enrollment token expired at "
                                + Instant.ofEpochMilli(token.get().expiresAt()));
            }
            String officeId = token.get().officeId();
            if (!officeId.equals(kioskId.office().toString())) {
                throw ProblemException.forbidden("enrollment token is for office " + officeId
                        + ", not for kiosk " + kioskId);
            }

            // Enrolling again with the same key is harmless; with another key it would let
            // whoever holds a token take over a kiosk's identity.
            Optional<String[]> existing = Sql.queryOne(connection, "SELECT public_key,"
                    + " key_version FROM kiosk WHERE kiosk_id = ?",
                    rows -> new String[] {rows.getString(1), rows.getString(2)},
                    kioskId.toString());
            if (existing.isPresent() && !(existing.get()[0].equals(request.publicKey())
                    && existing.get()[1].equals(String.valueOf(request.keyVersion())))) {
                throw ProblemException.conflict("kiosk " + kioskId
                        + " is enrolled with another key; rotate its key from the kiosk"
                        + " (kiosk rotate-key), or revoke it and use a new kiosk id");
            }
            int used = Sql.update(connection, "UPDATE enrollment_token SET used_at = ?,"
                    + " used_by = ? WHERE token_sha256 = ? AND used_at IS NULL", now,
                    kioskId.toString(), tokenHash);
            if (used != 1) {
                throw ProblemException.unauthorized("enrollment-token",
                        "enrollment token was already used");
            }
            if (existing.isEmpty()) {
                Sql.update(connection, "INSERT INTO kiosk (kiosk_id, office_id, key_version,"
                        + " public_key, enrolled_at) VALUES (?,?,?,?,?)", kioskId.toString(),
                        officeId, request.keyVersion(), request.publicKey(), now);
                Sql.update(connection, "INSERT INTO kiosk_key (kiosk_id, key_version,"
                        + " public_key, created_at) VALUES (?,?,?,?)", kioskId.toString(),
                        request.keyVersion(), request.publicKey(), now);
            }
            String officeName = Sql.queryOne(connection, "SELECT name FROM office"
                    + " WHERE office_id = ?", rows -> rows.getString(1), officeId).orElseThrow();
            return new Enrollment.Response(PushResponse.PROTOCOL, kioskId.toString(), officeId,
                    officeName);
        });
        log.info("Enrolled kiosk {} with key version {}", kioskId, request.keyVersion());
        return response;
    }

    private static KioskId validate(Enrollment.Request request) {
        if (request.token() == null || request.token().isBlank()) {
            throw ProblemException.unauthorized("enrollment-token", "enrollment token is missing");
        }
        KioskId kioskId;
        try {
            kioskId = KioskId.parse(request.kioskId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        if (request.keyVersion() < 0 || request.keyVersion() > 255) {
            throw ProblemException.unprocessable("keyVersion must be 0-255: "
                    + request.keyVersion());
        }
        try {
            Ed25519.publicKey(request.publicKey());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.unprocessable("publicKey must be base64 of a raw 32-byte"
                    + " Ed25519 key");
        }
        return kioskId;
    }

    private static String hash(String token) {
        return RequestSignature.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    private record TokenRow(String officeId, long expiresAt, Long usedAt) {
    }
}
