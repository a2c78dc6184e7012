package id.kypso.provisioning.office;

import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.OfficeId;
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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The office folder on the perekaman desk PC: {@code office.properties} (office.id, office.name,
 * key.version), {@code office.key} (base64 raw Ed25519 private key, mode 600), {@code office.pub}
 * (base64 raw public key) and {@code binding.secret} (base64 of 32 random bytes, mode 600), the
 * key of the NIK digest on every slip.
 */
public record OfficeFolder(Path dir, OfficeId officeId, String name, int keyVersion,
        PrivateKey privateKey, PublicKey publicKey, byte[] bindingSecret) {

    public static final String PROPERTIES_FILE = "office.properties";
    public static final String KEY_FILE = "office.key";
    public static final String PUBLIC_KEY_FILE = "office.pub";
    public static final String SECRET_FILE = "binding.secret";
    public static final int SECRET_LENGTH = 32;
    public static final int MAX_NAME_LENGTH = 100;

    public OfficeFolder {
        bindingSecret = bindingSecret.clone();
    }

    @Override
    public byte[] bindingSecret() {
        return bindingSecret.clone();
    }

    public String publicKeyBase64() {
        return Ed25519.toBase64(publicKey);
    }

    /**
     * Creates a new office folder with a fresh key pair and binding secret. Rejects a folder that
     * already contains an office key, because replacing it would make every slip printed with it
     * unverifiable. Leaves nothing behind when a write fails.
     */
    static OfficeFolder create(Path dir, OfficeId officeId, String name, SecureRandom random)
            throws CliFailure {
        for (String file : List.of(KEY_FILE, SECRET_FILE, PROPERTIES_FILE)) {
            if (Files.exists(dir.resolve(file))) {
                throw new CliFailure(ExitCode.FILE_PROBLEM, "office.exists", dir.resolve(file));
            }
        }
        KeyPair keys = Ed25519.generate();
        byte[] secret = new byte[SECRET_LENGTH];
        random.nextBytes(secret);

        List<Path> written = new ArrayList<>();
        boolean complete = false;
        try {
            writePrivate(dir.resolve(KEY_FILE), Ed25519.toBase64(keys.getPrivate()), written);
            writePrivate(dir.resolve(SECRET_FILE), Base64.getEncoder().encodeToString(secret),
                    written);
            Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
            String publicText = Ed25519.toBase64(keys.getPublic()) + "\n";
            SecureFiles.writePublic(publicFile, publicText.getBytes(StandardCharsets.US_ASCII));
            written.add(publicFile);
            Path properties = dir.resolve(PROPERTIES_FILE);
            PropertiesFiles.write(properties, "KYPSO office " + officeId, Map.of(
                    "office.id", officeId.toString(),
                    "office.name", name,
                    "key.version", "1"));
            written.add(properties);
            complete = true;
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", dir, e.getMessage());
        } finally {
            if (!complete) {
                deleteQuietly(written);
            }
        }
        return new OfficeFolder(dir, officeId, name, 1, keys.getPrivate(), keys.getPublic(),
                secret);
    }

    /** Loads an office folder; the failure names the file that is missing or invalid. */
    public static OfficeFolder load(Path dir) throws CliFailure {
        Path propertiesFile = dir.resolve(PROPERTIES_FILE);
        Properties properties;
        try {
            properties = PropertiesFiles.read(propertiesFile);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "office.missing", dir);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", propertiesFile,
                    e.getMessage());
        }

        OfficeId officeId;
        String name;
        int keyVersion;
        try {
            officeId = OfficeId.parse(properties.getProperty("office.id", "").strip());
            name = properties.getProperty("office.name", "").strip();
            keyVersion = Integer.parseInt(properties.getProperty("key.version", "1").strip());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "office.invalidProperties",
                    propertiesFile, e.getMessage());
        }

        PrivateKey privateKey = Ed25519.privateKey(readKey(dir.resolve(KEY_FILE), 32));
        PublicKey publicKey = Ed25519.publicKey(readKey(dir.resolve(PUBLIC_KEY_FILE), 32));
        byte[] secret = readKey(dir.resolve(SECRET_FILE), SECRET_LENGTH);
        return new OfficeFolder(dir, officeId, name, keyVersion, privateKey, publicKey, secret);
    }

    private static byte[] readKey(Path file, int length) throws CliFailure {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                    .strip());
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "office.fileMissing", file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "office.fileInvalid", file);
        }
        if (raw.length != length) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, "office.fileInvalid", file);
        }
        return raw;
    }

    private static void writePrivate(Path file, String base64, List<Path> written)
            throws IOException {
        SecureFiles.writePrivate(file, (base64 + "\n").getBytes(StandardCharsets.US_ASCII));
        written.add(file);
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The failure being reported already names this folder for the operator to check.
            }
        }
    }

    @Override
    public String toString() {
        return "OfficeFolder[" + officeId + " " + dir + "]";
    }
}
