package id.kypso.provisioning.kiosk;

import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.PropertiesFiles;
import id.kypso.provisioning.cli.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The identity files in a kiosk data folder: {@code kiosk.properties} (kiosk.id,
 * kiosk.keyVersion, aggregator.url, and after enrollment office.id, office.name and
 * kiosk.enrolledAt), {@code kiosk.key} (base64 raw Ed25519 private key, mode 600) and
 * {@code kiosk.pub} (its public key, which enrollment sends).
 */
public final class KioskFolder {
    public static final String PUBLIC_KEY_FILE = "kiosk.pub";

    private KioskFolder() {
    }

    /** Loads the identity with {@link KioskIdentity#load}, mapping its errors to failures. */
    public static KioskIdentity identity(Path dataDir) throws CliFailure {
        try {
            return KioskIdentity.load(dataDir);
        } catch (ConfigException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "kiosk.identityInvalid", dataDir,
                    e.getMessage());
        }
    }

    /** Returns the public key written next to the private key. */
    static PublicKey publicKey(Path dataDir) throws CliFailure {
        Path file = dataDir.resolve(PUBLIC_KEY_FILE);
        try {
            return Ed25519.publicKey(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "kiosk.publicKeyMissing", file);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
    }

    /** Returns every property of kiosk.properties, in file order where it matters. */
    static Map<String, String> properties(Path dataDir) throws CliFailure {
        Path file = dataDir.resolve(KioskIdentity.PROPERTIES_FILE);
        try {
            Properties properties = PropertiesFiles.read(file);
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : properties.stringPropertyNames()) {
                values.put(name, properties.getProperty(name));
            }
            return values;
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "kiosk.missing", dataDir);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
    }

    /** Replaces kiosk.properties with {@code values}. */
    static void writeProperties(Path dataDir, Map<String, String> values) throws CliFailure {
        Path file = dataDir.resolve(KioskIdentity.PROPERTIES_FILE);
        try {
            PropertiesFiles.write(file, "KYPSO kiosk " + values.get("kiosk.id"), values);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", file, e.getMessage());
        }
    }

    /** Writes a key pair as kiosk.key (mode 600) and kiosk.pub. */
    static void writeKeys(Path dataDir, KeyPair keys) throws CliFailure {
        Path keyFile = dataDir.resolve(KioskIdentity.KEY_FILE);
        Path publicFile = dataDir.resolve(PUBLIC_KEY_FILE);
        try {
            SecureFiles.writePrivate(keyFile, (Ed25519.toBase64(keys.getPrivate()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            SecureFiles.writePublic(publicFile, (Ed25519.toBase64(keys.getPublic()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", keyFile,
                    e.getMessage());
        }
    }
}
