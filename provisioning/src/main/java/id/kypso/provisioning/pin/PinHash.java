package id.kypso.provisioning.pin;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The maintenance PIN file {@code maintenance.pin} in the kiosk data folder, in the form the
 * kiosk app's PIN store reads: one line {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, salt
 * and hash in base64, the hash being 32 bytes of PBKDF2-HMAC-SHA256 over the PIN digits. The
 * PIN itself is never stored.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash) {
    public static final String FILE = "maintenance.pin";
    /** The kiosk app's count of wrong tries and its lock, cleared when a new PIN is set. */
    public static final String LOCK_FILE = "maintenance.lock";
    public static final String SCHEME = "pbkdf2-sha256";
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /**
     * The kiosk app's own default, so a PIN set here costs the kiosk the same to check. The
     * attempt lock, not the iteration count, is what protects a 6-digit PIN.
     */
    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final int MIN_ITERATIONS = 10_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 12;

    public PinHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** Hashes {@code pin} with a fresh random salt. */
    public static PinHash create(char[] pin, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /** Returns whether {@code pin} matches, comparing in constant time. */
    public boolean matches(char[] pin) {
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /**
     * Returns why {@code pin} is not acceptable as a maintenance PIN (a bundle key), or null:
     * 6-12 digits, not all one digit, not a run up or down such as 123456.
     */
    public static String weakness(char[] pin) {
        if (pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            return "pin.length";
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 0; i < pin.length; i++) {
            if (pin[i] < '0' || pin[i] > '9') {
                return "pin.digits";
            }
            if (i > 0) {
                same &= pin[i] == pin[0];
                up &= pin[i] == pin[i - 1] + 1;
                down &= pin[i] == pin[i - 1] - 1;
            }
        }
        return same || up || down ? "pin.guessable" : null;
    }

    /** Writes the PIN file (mode 600) and removes the app's lock, so the new PIN works now. */
    public void write(Path dataDir) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        String line = SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash) + "\n";
        SecureFiles.writePrivate(dataDir.resolve(FILE), line.getBytes(StandardCharsets.US_ASCII));
        Files.deleteIfExists(dataDir.resolve(LOCK_FILE));
    }

    /** Reads the PIN file; the failure names the file and the problem. */
    public static PinHash read(Path dataDir) throws CliFailure {
        Path file = dataDir.resolve(FILE);
        String line;
        try {
            line = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "pin.fileMissing", file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
        try {
            String[] parts = line.split("\\$");
            if (parts.length != 4 || !parts[0].equals(SCHEME)) {
                throw new IllegalArgumentException("expected " + SCHEME
                        + "$ITERATIONS$SALT$HASH");
            }
            Base64.Decoder base64 = Base64.getDecoder();
            PinHash pin = new PinHash(Integer.parseInt(parts[1]), base64.decode(parts[2]),
                    base64.decode(parts[3]));
            if (pin.iterations < MIN_ITERATIONS || pin.salt.length < SALT_BYTES
                    || pin.hash.length != HASH_BYTES) {
                throw new IllegalArgumentException("iterations, salt or hash out of range");
            }
            return pin;
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "pin.fileInvalid", file,
                    e.getMessage());
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PinHash[" + iterations + " iterations]";
    }
}
