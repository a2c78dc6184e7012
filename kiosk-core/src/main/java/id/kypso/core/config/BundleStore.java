package id.kypso.core.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.SyncJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The config bundle installed in a kiosk's data folder as {@code config/bundle.json}. The agent
 * installs a new one by writing a temporary file, forcing it to disk and renaming it over the
 * old, so the app never reads a half-written bundle.
 */
public final class BundleStore {
    private final Path file;
    private final ObjectMapper json = SyncJson.newMapper();

    public BundleStore(Path dataDir) {
        this.file = dataDir.resolve("config").resolve("bundle.json");
    }

    public Path file() {
        return file;
    }

    /** Returns the installed bundle, or empty when none was installed yet. */
    public Optional<ConfigBundle> load() throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(parse(bytes));
    }

    /** Parses and validates a bundle; the exception names the first problem. */
    public ConfigBundle parse(byte[] bytes) throws ConfigException {
        ConfigBundle bundle;
        try {
            bundle = json.readValue(bytes, ConfigBundle.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("config bundle is not valid JSON of format "
                    + ConfigBundle.FORMAT + ": " + SyncJson.describe(e), e);
        } catch (IOException e) {
            throw new ConfigException("config bundle cannot be read: " + e.getMessage(), e);
        }
        if (!ConfigBundle.FORMAT.equals(bundle.format())) {
            throw new ConfigException("config bundle format must be " + ConfigBundle.FORMAT
                    + ", got " + bundle.format());
        }
        if (bundle.survey() == null) {
            throw new ConfigException("config bundle has no survey definition");
        }
        List<String> problems = bundle.survey().problems();
        if (!problems.isEmpty()) {
            throw new ConfigException("config bundle survey is invalid: " + problems);
        }
        if (bundle.officeKeys().isEmpty()) {
            throw new ConfigException("config bundle has no office keys");
        }
        return bundle;
    }

    /** Installs {@code bundle} atomically, replacing the previous one. */
    public void install(ConfigBundle bundle) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle),
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
