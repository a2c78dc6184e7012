package id.kypso.core.config;

import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Properties;

/**
 * A kiosk's identity in its data folder, written by provisioning and read by app and agent:
 * {@code kiosk.properties} (kiosk id, key version, aggregator URL) and {@code kiosk.key} (base64
 * of the raw Ed25519 private key, readable by the kiosk user only).
 */
public record KioskIdentity(KioskId kioskId, int keyVersion, String aggregatorUrl,
        PrivateKey privateKey) {

    public static final String PROPERTIES_FILE = "kiosk.properties";
    public static final String KEY_FILE = "kiosk.key";

    /** Loads the identity from {@code dataDir}; the exception says what to fix. */
    public static KioskIdentity load(Path dataDir) throws ConfigException {
        Path propertiesFile = dataDir.resolve(PROPERTIES_FILE);
        Properties properties;
        try {
            properties = readProperties(dataDir);
        } catch (NoSuchFileException e) {
            if (Files.exists(dataDir.resolve(KEY_FILE))) {
                // The key is still there, so a new identity is the wrong fix: it needs a new
                // kiosk id and enrollment, and the old kiosk's unsent records would be stranded.
                throw new ConfigException(propertiesFile + " is missing but the kiosk key is"
                        + " still there: restore kiosk.properties from the kiosk's backup, or"
                        + " write it again with kiosk.id, kiosk.keyVersion and aggregator.url");
            }
            throw new ConfigException(propertiesFile + " is missing: create the kiosk identity"
                    + " with 'provisioning kiosk create'");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(propertiesFile + " is damaged: it is not UTF-8 text."
                    + " Restore it from the kiosk's backup; creating a new identity instead"
                    + " makes a new key that must be enrolled again");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(propertiesFile + " cannot be read: " + e.getMessage()
                    + ". Restore it from the kiosk's backup");
        }

        KioskId kioskId;
        try {
            kioskId = KioskId.parse(required(properties, "kiosk.id", propertiesFile));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(propertiesFile + ": kiosk.id is invalid (" + e.getMessage()
                    + "); correct that line, for example kiosk.id=3273-01-K01");
        }
        String versionText = properties.getProperty("kiosk.keyVersion", "1").strip();
        int keyVersion;
        try {
            keyVersion = Integer.parseInt(versionText);
        } catch (NumberFormatException e) {
            throw new ConfigException(propertiesFile + ": kiosk.keyVersion must be a number from"
                    + " 0 to 255, not \"" + versionText + "\"; correct that line (the version the"
                    + " kiosk was enrolled or last rotated with, often 1)");
        }
        String aggregatorUrl = properties.getProperty("aggregator.url", "").strip();

        Path keyFile = dataDir.resolve(KEY_FILE);
        PrivateKey key;
        try {
            key = Ed25519.privateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            throw new ConfigException(keyFile + " is missing: the kiosk key was lost; create a"
                    + " new identity with 'provisioning kiosk create' and enroll it again");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(keyFile + " is not a valid kiosk key: " + e.getMessage());
        }
        return new KioskIdentity(kioskId, keyVersion, aggregatorUrl, key);
    }

    /**
     * Reads {@code kiosk.properties} of {@code dataDir}, which also holds the printer.*,
     * scanner.* and gpio.* settings of the app and the agent.
     */
    public static Properties readProperties(Path dataDir) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve(PROPERTIES_FILE),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static String required(Properties properties, String name, Path file)
            throws ConfigException {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException(file + " has no " + name);
        }
        return value.strip();
    }
}
