package id.kypso.provisioning.pin;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.PropertiesFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The maintenance PIN file {@code maintenance-pin.properties} in the kiosk data folder (format
 * {@code kypso-pin/1}): a PBKDF2-HMAC-SHA256 hash of the PIN with its salt and iteration count,
 * so the kiosk app can check a PIN without the PIN being stored. The format is specified in
 * the provisioning formats document.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash, Instant setAt) {
    public static final String FILE = "maintenance-pin.properties";
    public static final String FORMAT = "kypso-pin/1";
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** The OWASP password storage guidance (2023) for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
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
    public static PinHash create(char[] pin, int iterations, SecureRandom random, Instant now) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations), now);
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

    public void write(Path dataDir) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        PropertiesFiles.writePrivate(dataDir.resolve(FILE), "KYPSO maintenance PIN hash",
                Map.of("format", FORMAT,
                        "algorithm", ALGORITHM,
                        "iterations", Integer.toString(iterations),
                        "salt", base64.encodeToString(salt),
                        "hash", base64.encodeToString(hash),
                        "setAt", setAt.toString()));
    }

    /** Reads the PIN file; the failure names the file and the problem. */
    public static PinHash read(Path dataDir) throws CliFailure {
        Path file = dataDir.resolve(FILE);
        Properties properties;
        try {
            properties = PropertiesFiles.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "pin.fileMissing", file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
        try {
            if (!FORMAT.equals(properties.getProperty("format"))
                    || !ALGORITHM.equals(properties.getProperty("algorithm"))) {
                throw new IllegalArgumentException("format must be " + FORMAT + " with "
                        + ALGORITHM);
            }
            Base64.Decoder base64 = Base64.getDecoder();
            PinHash pin = new PinHash(Integer.parseInt(properties.getProperty("iterations")),
                    base64.decode(properties.getProperty("salt")),
                    base64.decode(properties.getProperty("hash")),
                    Instant.parse(properties.getProperty("setAt")));
            if (pin.iterations < MIN_ITERATIONS || pin.salt.length < SALT_BYTES
                    || pin.hash.length != HASH_BYTES) {
                throw new IllegalArgumentException("iterations, salt or hash out of range");
            }
            return pin;
        } catch (RuntimeException e) {
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
        return "PinHash[" + iterations + " iterations, set " + setAt + "]";
    }
}
