package id.kypso.aggregator.auth;

import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web logins and sessions. Passwords are stored as PBKDF2-HMAC-SHA256 with a random 16-byte
 * salt and {@link #ITERATIONS} iterations, from the JDK with no extra library. Session ids are
 * random 32 bytes, stored only as their SHA-256, each with its own CSRF token.
 */
public final class UserAccounts {
    /** PBKDF2 iterations, the count OWASP's password storage guidance gives for SHA-256. */
    public static final int ITERATIONS = 600_000;
    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final String SCHEME = "pbkdf2-sha256";

    private final Database database;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final SecureRandom random = new SecureRandom();

    public UserAccounts(Database database, Clock clock, Duration sessionLifetime) {
        this.database = database;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    /** A signed-in user; {@code officeId} is set for office heads only. */
    public record User(String username, Role role, String officeId) {
    }

    /** A session: the cookie value in clear (only at creation) and its CSRF token. */
    public record Session(String id, User user, String csrfToken) {
    }

    /** Creates or replaces a user. Office heads must name their office. */
    public void createUser(String username, char[] password, Role role, String officeId) {
        if (username == null || !username.matches("[a-z0-9._-]{3,64}")) {
            throw new IllegalArgumentException("username must be 3-64 of a-z, 0-9, '.', '_',"
                    + " '-': " + username);
        }
        if (password.length < 12) {
            throw new IllegalArgumentException("password must be at least 12 characters");
        }
        if (role == Role.OFFICE_HEAD && officeId == null) {
            throw new IllegalArgumentException("an office head needs an office id");
        }
        String hash = hash(password);
        database.inTransaction(connection -> {
            Sql.update(connection, "DELETE FROM web_session WHERE username = ?", username);
            return Sql.update(connection, "INSERT INTO web_user (username, role, office_id,"
                    + " password_hash, created_at) VALUES (?,?,?,?,?) ON CONFLICT (username)"
                    + " DO UPDATE SET role = excluded.role, office_id = excluded.office_id,"
                    + " password_hash = excluded.password_hash", username, role.name(),
                    role == Role.OFFICE_HEAD ? officeId : null, hash, clock.millis());
        });
        log.info("Saved web user {} with role {}", username, role);
    }

    /** Checks a password and opens a session, or returns empty. */
    public Optional<Session> login(String username, char[] password) {
        Optional<String[]> row = database.read(connection -> Sql.queryOne(connection,
                "SELECT password_hash, role, office_id FROM web_user WHERE username = ?",
                rows -> new String[] {rows.getString(1), rows.getString(2), rows.getString(3)},
                username == null ? "" : username));
        // An unknown user still costs one hash, so timing does not reveal which names exist.
        String stored = row.map(r -> r[0]).orElse(SCHEME + "$" + ITERATIONS
                + "$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        boolean valid = verify(password, stored) && row.isPresent();
        if (!valid) {
            log.info("Failed login for user {}", username);
            return Optional.empty();
        }
        User user = new User(username, Role.valueOf(row.get()[1]), row.get()[2]);
        String id = token();
        String csrf = token();
        long now = clock.millis();
        database.inTransaction(connection -> Sql.update(connection, "INSERT INTO web_session"
                + " (session_sha256, username, csrf_token, created_at, expires_at)"
                + " VALUES (?,?,?,?,?)", sha256(id), username, csrf, now,
                now + sessionLifetime.toMillis()));
        log.info("User {} signed in as {}", username, user.role());
        return Optional.of(new Session(id, user, csrf));
    }

    /** Returns the live session with this cookie value. */
    public Optional<Session> session(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        long now = clock.millis();
        return database.read(connection -> Sql.queryOne(connection, "SELECT u.username, u.role,"
                + " u.office_id, s.csrf_token FROM web_session s JOIN web_user u"
                + " ON u.username = s.username WHERE s.session_sha256 = ? AND s.expires_at > ?",
                rows -> new Session(id, new User(rows.getString(1),
                        Role.valueOf(rows.getString(2)), rows.getString(3)),
                        rows.getString(4)), sha256(id), now));
    }

    public void logout(String id) {
        if (id != null) {
            database.inTransaction(connection -> Sql.update(connection,
                    "DELETE FROM web_session WHERE session_sha256 = ?", sha256(id)));
        }
    }

    static String hash(char[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] derived = derive(password, salt, ITERATIONS);
        return SCHEME + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derived);
    }

    static boolean verify(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) {
        return id.kypso.core.sync.RequestSignature.sha256Hex(text.getBytes(
                StandardCharsets.UTF_8));
    }
}
