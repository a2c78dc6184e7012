package id.kypso.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The kiosk's SQLite database, shared by the app and the agent. Opened in WAL mode with
 * {@code synchronous=FULL}, so a committed survey, ticket or outbox record survives power loss,
 * and with immediate write transactions and a busy timeout, so app and agent writing together
 * wait for each other instead of failing.
 */
public final class KioskDatabase {
    private static final Logger log = LoggerFactory.getLogger(KioskDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 15_000;

    private final Path file;
    private final SQLiteDataSource dataSource;

    private KioskDatabase(Path file, SQLiteDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /** Opens (creating if needed) and migrates the database at {@code file}. */
    public static KioskDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        KioskDatabase database = new KioskDatabase(file, dataSource);
        database.migrate();
        log.info("Opened kiosk database {}", file);
        return database;
    }

    private void migrate() {
        try {
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/kiosk")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot migrate database " + file + ": " + e.getMessage(),
                    e);
        }
    }

    public Path file() {
        return file;
    }

    /** Returns a new connection; callers close it. Write transactions begin IMMEDIATE. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs {@code PRAGMA integrity_check} and returns its first line, "ok" when healthy. */
    public String integrityCheck() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            return rows.next() ? rows.getString(1) : "no result";
        } catch (SQLException e) {
            throw new StoreException("integrity check of " + file + " failed", e);
        }
    }

    /** Runs {@code work} in one write transaction, committed only if it returns normally. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                // After a failed commit (such as SQLITE_FULL) SQLite may already have rolled
                // back; a second failure must not hide the first, which says the disk is full.
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.from(file, e);
        }
    }

    /** Runs {@code work} on a connection in autocommit mode, for reads. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.from(file, e);
        }
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
