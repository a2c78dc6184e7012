package id.kypso.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points native-library extraction at the kiosk data folder. Hardened kiosks mount /tmp with
 * noexec, and a shared library extracted there cannot be loaded. sqlite-jdbc extracts into
 * {@code org.sqlite.tmpdir}; Pi4J and jssc extract into {@code java.io.tmpdir}, which only takes
 * effect when set on the java command line, so the launch script sets both.
 */
public final class NativeDirectories {
    private static final Logger log = LoggerFactory.getLogger(NativeDirectories.class);
    /** The folder under the data folder that holds extracted native libraries. */
    public static final String FOLDER = "native";

    private NativeDirectories() {
    }

    /**
     * Creates {@code dataDir/native} and sets {@code org.sqlite.tmpdir} to it unless the
     * command line set it already. Call before the first database connection.
     */
    public static Path prepare(Path dataDir) {
        Path folder = dataDir.resolve(FOLDER).toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the native library folder " + folder,
                    e);
        }
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", folder.toString());
        }
        log.info("Native libraries extract into {} (sqlite) and {} (java.io.tmpdir)",
                System.getProperty("org.sqlite.tmpdir"), System.getProperty("java.io.tmpdir"));
        return folder;
    }
}
