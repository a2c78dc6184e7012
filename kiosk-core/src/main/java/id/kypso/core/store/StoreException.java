package id.kypso.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A failure of the kiosk database. {@link #isDiskFull()} tells the app to go out of service
 * rather than lose a survey.
 */
public class StoreException extends RuntimeException {
    /** Free space below which an I/O error of the database counts as a full disk. */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private final boolean diskFull;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreException(String message, Throwable cause, boolean diskFull) {
        super(message, cause);
        this.diskFull = diskFull;
    }

    static StoreException from(Path file, SQLException e) {
        boolean full = e instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                        || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_WRITE
                        || isIoError(sqlite) && hasNoSpace(file));
        String message = full
                ? "disk is full: cannot write database " + file
                : "database " + file + " failed: " + e.getMessage();
        return new StoreException(message, e, full);
    }

    // With no connection open, a full disk shows first as a failure to grow the WAL index
    // (SQLITE_IOERR_SHMSIZE) or to create the WAL, not as SQLITE_FULL.
    private static boolean isIoError(SQLiteException e) {
        String code = e.getResultCode().name();
        return code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN");
    }

    private static boolean hasNoSpace(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public boolean isDiskFull() {
        return diskFull;
    }
}
