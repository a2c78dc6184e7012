package id.kypso.kiosk.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance PIN, stored in the data folder as a PBKDF2-HMAC-SHA256 hash with a random
 * salt ({@code maintenance.pin}), with the count of wrong tries and the lock in
 * {@code maintenance.lock} so a restart does not reset them.
 *
 * <p>Every {@value #TRIES_PER_LOCK} wrong tries in a row lock the PIN: the first lock lasts one
 * minute and each further lock twice as long as the one before, up to eight hours. A correct
 * PIN clears the count.
 */
public final class PinStore {
    public static final int TRIES_PER_LOCK = 5;
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_LOCK = Duration.ofHours(8);
    private static final String PIN_FILE = "maintenance.pin";
    private static final String LOCK_FILE = "maintenance.lock";
    private static final Logger log = LoggerFactory.getLogger(PinStore.class);

    private final Path pinFile;
    private final Path lockFile;
    private final Clock clock;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param iterations PBKDF2 iterations for a new PIN; a stored PIN keeps its own count
     */
    public PinStore(Path dataDir, Clock clock, int iterations) {
        this.pinFile = dataDir.resolve(PIN_FILE);
        this.lockFile = dataDir.resolve(LOCK_FILE);
        this.clock = clock;
        this.iterations = iterations;
    }

    /** The outcome of entering a PIN. */
    public sealed interface Attempt {
        /** The PIN was right. */
        record Accepted() implements Attempt {
        }

        /** The PIN was wrong; {@code triesLeft} more wrong tries lock it. */
        record Rejected(int triesLeft) implements Attempt {
        }

        /** Locked for {@code remaining}; the entered PIN was not checked. */
        record Locked(Duration remaining) implements Attempt {
        }

        /** No PIN was set; maintenance mode stays closed until one is. */
        record NotSet() implements Attempt {
        }
    }

    public boolean isSet() {
        return Files.exists(pinFile);
    }

    /** Sets a new PIN of 4-12 digits and clears any lock. */
    public synchronized void setPin(char[] pin) {
        if (pin.length < 4 || pin.length > 12 || !isDigits(pin)) {
            throw new IllegalArgumentException("maintenance PIN must be 4-12 digits");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = hash(pin, salt, iterations);
        String line = "pbkdf2-sha256$" + iterations + "$"
                + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash) + "\n";
        writeAtomically(pinFile, line);
        writeLock(new LockState(0, 0, null));
        log.info("Maintenance PIN set");
    }

    /** Checks an entered PIN, counting wrong tries and honouring the lock. */
    public synchronized Attempt verify(char[] pin) {
        if (!isSet()) {
            return new Attempt.NotSet();
        }
        Instant now = clock.instant();
        LockState state = readLock();
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return new Attempt.Locked(Duration.between(now, state.lockedUntil()));
        }

        if (matches(pin)) {
            writeLock(new LockState(0, 0, null));
            log.info("Maintenance PIN accepted");
            return new Attempt.Accepted();
        }

        int failures = state.failures() + 1;
        if (failures % TRIES_PER_LOCK != 0) {
            writeLock(new LockState(failures, state.locks(), null));
            log.warn("Wrong maintenance PIN ({} in a row)", failures);
            return new Attempt.Rejected(TRIES_PER_LOCK - failures % TRIES_PER_LOCK);
        }
        int locks = state.locks() + 1;
        Duration lock = lockDuration(locks);
        writeLock(new LockState(failures, locks, now.plus(lock)));
        log.warn("Wrong maintenance PIN ({} in a row): locked for {} s", failures,
                lock.toSeconds());
        return new Attempt.Locked(lock);
    }

    static Duration lockDuration(int lockNumber) {
        Duration lock = FIRST_LOCK;
        for (int i = 1; i < lockNumber && lock.compareTo(MAX_LOCK) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private boolean matches(char[] pin) {
        String stored;
        try {
            stored = Files.readString(pinFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pinFile, e);
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            log.error("{} is not a PBKDF2 PIN hash; set the PIN again", pinFile);
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, hash(pin, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            log.error("{} is damaged ({}); set the PIN again", pinFile, e.getMessage());
            return false;
        }
    }

    private static byte[] hash(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static boolean isDigits(char[] pin) {
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private record LockState(int failures, int locks, Instant lockedUntil) {
    }

    private LockState readLock() {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(lockFile, StandardCharsets.US_ASCII)) {
            properties.load(in);
            String until = properties.getProperty("lockedUntil", "");
            return new LockState(Integer.parseInt(properties.getProperty("failures", "0")),
                    Integer.parseInt(properties.getProperty("locks", "0")),
                    until.isEmpty() ? null : Instant.parse(until));
        } catch (NoSuchFileException e) {
            return new LockState(0, 0, null);
        } catch (IOException | RuntimeException e) {
            // A damaged lock file must not open the PIN to unlimited guessing.
            log.error("{} is unreadable ({}); treating the PIN as locked once", lockFile,
                    e.getMessage());
            return new LockState(TRIES_PER_LOCK - 1, 1, null);
        }
    }

    private void writeLock(LockState state) {
        writeAtomically(lockFile, "failures=" + state.failures() + "\nlocks=" + state.locks()
                + "\nlockedUntil=" + (state.lockedUntil() == null ? "" : state.lockedUntil())
                + "\n");
    }

    private static void writeAtomically(Path file, String content) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                log.warn("Cannot delete {}: {}", temporary, e.getMessage());
            }
        }
    }

    /** Clears a PIN typed into a char array once it has been checked. */
    public static void wipe(char[] pin) {
        Arrays.fill(pin, '\0');
    }
}
