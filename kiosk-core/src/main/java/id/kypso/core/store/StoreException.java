package id.kypso.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A failure of the kiosk database. {@link #isDiskFull()} tells the app to go out of service
 * rather than lose a survey.
 */
public class StoreException extends RuntimeException {
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
                        || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_WRITE);
        String message = full
                ? "disk is full: cannot write database " + file
                : "database " + file + " failed: " + e.getMessage();
        return new StoreException(message, e, full);
    }

    public boolean isDiskFull() {
        return diskFull;
    }
}
