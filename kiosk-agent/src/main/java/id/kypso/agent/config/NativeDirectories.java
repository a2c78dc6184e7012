package id.kypso.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points native-library extraction at the kiosk data folder. Hardened kiosks mount /tmp with
 * noexec, and a shared library extracted there cannot be loaded. sqlite-jdbc extracts into
 * {@code org.sqlite.tmpdir}; Pi4J and jssc extract into {@code java.io.tmpdir} unless
 * {@code pi4j.library.path} or {@code jssc.boot.library.path} name a folder that already contains
 * their libraries.
 */
public final class NativeDirectories {
    private static final Logger log = LoggerFactory.getLogger(NativeDirectories.class);
    /** The folder under the data folder that contains extracted native libraries. */
    public static final String FOLDER = "native";

    private NativeDirectories() {
    }

    /**
     * Creates {@code dataDir/native} and points {@code org.sqlite.tmpdir} at it unless it is
     * set already. For an agent embedded in another program, such as a test.
     */
    public static Path prepare(Path dataDir) {
        return prepare(dataDir, false);
    }

    /**
     * Does what {@link #prepare(Path)} does and also points {@code java.io.tmpdir} at
     * {@code dataDir/native/tmp} unless the java command line set it. Call first thing in
     * {@code main}: the JDK reads {@code java.io.tmpdir} once, at the first temporary file.
     */
    public static Path prepareProcess(Path dataDir) {
        return prepare(dataDir, true);
    }

    private static Path prepare(Path dataDir, boolean javaTmpdir) {
        Path folder = dataDir.resolve(FOLDER).toAbsolutePath();
        Path temporary = folder.resolve("tmp");
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the native library folder " + folder,
                    e);
        }
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", folder.toString());
        }
        boolean tmpdirOnCommandLine = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().anyMatch(argument -> argument.startsWith("-Djava.io.tmpdir="));
        if (javaTmpdir && !tmpdirOnCommandLine) {
            System.setProperty("java.io.tmpdir", temporary.toString());
        }
        log.info("Native libraries extract into {} (sqlite-jdbc) and {} (java.io.tmpdir)",
                System.getProperty("org.sqlite.tmpdir"), System.getProperty("java.io.tmpdir"));
        return folder;
    }
}
