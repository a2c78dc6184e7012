package id.kypso.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.sync.RecordType;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.SyncRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records waiting to be pushed to the aggregator. A record is appended in the same transaction
 * as the survey or ticket it describes, and leaves the PENDING state only on an explicit
 * answer from the aggregator: SENT when stored, REJECTED (kept, never retried) otherwise.
 */
public final class Outbox {
    private final KioskDatabase database;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final ObjectMapper json = SyncJson.newMapper();

    public Outbox(KioskDatabase database, Clock clock, Supplier<UUID> ids) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
    }

    /** Appends a record inside the caller's transaction and returns its id. */
    public UUID append(Connection connection, RecordType type, Object payload)
            throws SQLException {
        UUID id = ids.get();
        long sequence = nextSequence(connection);
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record payload cannot be written as JSON", e);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (id, sequence, type, created_at, body) VALUES (?,?,?,?,?)")) {
            insert.setString(1, id.toString());
            insert.setLong(2, sequence);
            insert.setString(3, type.wireName());
            insert.setString(4, clock.instant().toString());
            insert.setString(5, body);
            insert.executeUpdate();
        }
        return id;
    }

    /** Returns up to {@code limit} pending records, oldest first. */
    public List<SyncRecord> pending(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, sequence, type, created_at, body FROM outbox"
                            + " WHERE state = 'PENDING' ORDER BY sequence LIMIT ?")) {
                select.setInt(1, limit);
                List<SyncRecord> records = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(new SyncRecord(UUID.fromString(rows.getString(1)),
                                rows.getLong(2), rows.getString(3),
                                Instant.parse(rows.getString(4)), readTree(rows.getString(5))));
                    }
                }
                return records;
            }
        });
    }

    /** Marks records the aggregator acknowledged as stored. */
    public void markSent(List<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        String now = clock.instant().toString();
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE id = ?")) {
                for (UUID id : recordIds) {
                    update.setString(1, now);
                    update.setString(2, id.toString());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** Sets a record aside that the aggregator rejected; it is reported, not retried. */
    public void markRejected(UUID recordId, String reason) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'REJECTED', reject_reason = ? WHERE id = ?")) {
                update.setString(1, reason);
                update.setString(2, recordId.toString());
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Counts one more push attempt for each record. */
    public void countAttempt(List<UUID> recordIds) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?")) {
                for (UUID id : recordIds) {
                    update.setString(1, id.toString());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    public long count(String state) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM outbox WHERE state = ?")) {
                select.setString(1, state);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** Returns when the oldest pending record was made, if any is pending. */
    public Optional<Instant> oldestPending() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT min(created_at) FROM outbox WHERE state = 'PENDING'")) {
                try (ResultSet rows = select.executeQuery()) {
                    String value = rows.next() ? rows.getString(1) : null;
                    return Optional.ofNullable(value).map(Instant::parse);
                }
            }
        });
    }

    private static long nextSequence(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(sequence), 0) + 1 FROM outbox");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StoreException("outbox record body is not JSON", e);
        }
    }
}
