package id.kypso.agent.store;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the shared kiosk database healthy with an integrity check at agent start and
 * checkpoints. A checkpoint copies the write-ahead log back into the database and truncates
 * it, so the WAL file does not grow without bound on a kiosk that runs for months.
 */
public final class DatabaseMaintenance {
    private static final Logger log = LoggerFactory.getLogger(DatabaseMaintenance.class);
    /** The WAL is cut back to at most this size whenever a checkpoint leaves it. */
    static final long JOURNAL_SIZE_LIMIT_BYTES = 4L * 1024 * 1024;

    private final KioskDatabase database;

    public DatabaseMaintenance(KioskDatabase database) {
        this.database = database;
    }

    /** Runs {@code PRAGMA integrity_check}; returns "ok" or the first problem it reports. */
    public String checkIntegrity() {
        String result = database.integrityCheck();
        if ("ok".equals(result)) {
            log.info("Integrity check of {} passed", database.file());
        } else {
            log.error("Integrity check of {} failed: {}. The agent will not sync from this"
                    + " database; see the recovery steps in the agent guide", database.file(),
                    result);
        }
        return result;
    }

    /**
     * Checkpoints the WAL with {@code TRUNCATE}. Readers or a writer in the app make SQLite
     * skip what it cannot copy yet; the next checkpoint catches up.
     *
     * @return whether the checkpoint completed (false when the app held the database busy)
     */
    public boolean checkpoint() {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT_BYTES);
                try (ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    boolean busy = rows.next() && rows.getInt(1) != 0;
                    if (busy) {
                        log.debug("WAL checkpoint of {} was blocked by another connection",
                                database.file());
                    }
                    return !busy;
                }
            }
        });
    }

    /** Returns the size of the WAL file now, 0 when there is none. */
    public long walBytes() {
        Path wal = database.file().resolveSibling(database.file().getFileName() + "-wal");
        try {
            return Files.size(wal);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + wal, e);
        }
    }

    /** Returns how many bytes are free for the database on its file system. */
    public long freeBytes() {
        try {
            Path folder = database.file().toAbsolutePath().getParent();
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            throw new StoreException("cannot read free space next to " + database.file(), e);
        }
    }
}
