package id.kypso.kiosk.session;

import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.sync.ConfigBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config bundle installed in the data folder, reloaded when the agent installs a new one
 * (the file's modification time changes). An invalid new bundle is logged and the previous one
 * stays in use, so a bad update does not stop the kiosk.
 */
public final class InstalledConfig implements Supplier<Optional<ConfigBundle>> {
    private static final Logger log = LoggerFactory.getLogger(InstalledConfig.class);

    private final BundleStore store;
    private ConfigBundle bundle;
    private FileTime loadedVersion;
    private String lastProblem;

    public InstalledConfig(BundleStore store) {
        this.store = store;
    }

    /** Returns the installed bundle, reading it again if the file changed since last time. */
    @Override
    public synchronized Optional<ConfigBundle> get() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(store.file());
        } catch (NoSuchFileException e) {
            return Optional.ofNullable(bundle);
        } catch (IOException e) {
            log.warn("Cannot read the modification time of {}: {}", store.file(),
                    e.getMessage());
            return Optional.ofNullable(bundle);
        }
        if (!modified.equals(loadedVersion)) {
            load(modified);
        }
        return Optional.ofNullable(bundle);
    }

    /** Reads the bundle again now, as the maintenance screen's reload does. */
    public synchronized Optional<String> reload() {
        loadedVersion = null;
        get();
        return Optional.ofNullable(lastProblem);
    }

    /** Returns why the newest bundle on disk was not taken, if it was not. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(lastProblem);
    }

    private void load(FileTime modified) {
        try {
            Optional<ConfigBundle> loaded = store.load();
            loadedVersion = modified;
            if (loaded.isPresent()) {
                bundle = loaded.get();
                lastProblem = null;
                log.info("Loaded config bundle of office {} (survey {} v{}, {} roster officers)",
                        bundle.officeId(), bundle.survey().id(), bundle.survey().version(),
                        bundle.roster().size());
            }
        } catch (ConfigException e) {
            loadedVersion = modified;
            lastProblem = e.getMessage();
            log.error("Config bundle {} not loaded, keeping the previous one: {}", store.file(),
                    e.getMessage());
        }
    }
}
