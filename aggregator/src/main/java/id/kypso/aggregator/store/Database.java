package id.kypso.aggregator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The aggregator's database: an SQLite file (WAL, {@code synchronous=FULL}, immediate write
 * transactions) or PostgreSQL, migrated at open by the same Flyway scripts in
 * {@code db/aggregator}. Statements written against it must run on both.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    /** The database engine behind the pool. */
    public enum Engine {
        SQLITE,
        POSTGRESQL
    }

    private final Engine engine;
    private final String description;
    private final HikariDataSource pool;

    private Database(Engine engine, String description, HikariDataSource pool) {
        this.engine = engine;
        this.description = description;
        this.pool = pool;
    }

    /** Opens (creating if needed) and migrates the SQLite database at {@code file}. */
    public static Database sqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("aggregator-sqlite");
        // SQLite runs one writer at a time; a few connections let reads go on beside it.
        hikari.setMaximumPoolSize(4);
        return open(Engine.SQLITE, file.toString(), new HikariDataSource(hikari));
    }

    /** Connects to and migrates the PostgreSQL database at {@code jdbcUrl}. */
    public static Database postgresql(String jdbcUrl, String user, String password,
            int poolSize) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:postgresql: "
                    + jdbcUrl);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setPoolName("aggregator-postgresql");
        hikari.setMaximumPoolSize(poolSize);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return open(Engine.POSTGRESQL, redact(jdbcUrl), new HikariDataSource(hikari));
    }

    private static Database open(Engine engine, String description, HikariDataSource pool) {
        Database database = new Database(engine, description, pool);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/aggregator")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + description + ": "
                    + e.getMessage(), e);
        }
        log.info("Opened {} database {}", engine, description);
        return database;
    }

    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public Engine engine() {
        return engine;
    }

    public String description() {
        return description;
    }

    /** Runs {@code work} in one write transaction, committed only if it returns normally. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database " + description + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** Runs {@code work} on a connection in autocommit mode, for reads. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database " + description + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** Returns whether a connection answers a trivial query, for {@code /health}. */
    public boolean isHealthy() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            log.warn("Health check of database {} failed: {}", description, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        log.info("Closed database {}", description);
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
