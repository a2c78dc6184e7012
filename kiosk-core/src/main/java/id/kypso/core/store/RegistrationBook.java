package id.kypso.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recent registration slips of the kiosk's office, kept as the signed QR text the desk
 * printed. The agent installs them; the app looks a keyed-in slip number up here and checks
 * the slip's signature as if it had been scanned.
 */
public final class RegistrationBook {
    private final KioskDatabase database;

    public RegistrationBook(KioskDatabase database) {
        this.database = database;
    }

    /** One slip, with the two fields the book is searched and trimmed by. */
    public record Entry(String registrationNumber, String slip, Instant perekamanAt) {
    }

    /** Replaces every entry with {@code entries}, in one transaction. */
    public void replaceAll(List<Entry> entries) {
        write(entries, true);
    }

    /** Adds {@code entries}, replacing any of the same number, in one transaction. */
    public void addAll(List<Entry> entries) {
        write(entries, false);
    }

    private void write(List<Entry> entries, boolean replace) {
        database.inTransaction(connection -> {
            if (replace) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM registration")) {
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO registration (registration_number, slip,"
                            + " perekaman_at) VALUES (?, ?, ?)")) {
                for (Entry entry : entries) {
                    insert.setString(1, entry.registrationNumber());
                    insert.setString(2, entry.slip());
                    insert.setString(3, entry.perekamanAt().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Returns the signed slip text of {@code registrationNumber}, if the book has it. */
    public Optional<String> find(String registrationNumber) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT slip FROM registration WHERE registration_number = ?")) {
                select.setString(1, registrationNumber);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Deletes the entries of perekaman before {@code cutoff}; returns how many went. */
    public int deleteOlderThan(Instant cutoff) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM registration WHERE perekaman_at < ?")) {
                delete.setString(1, cutoff.toString());
                return delete.executeUpdate();
            }
        });
    }

    public int count() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM registration");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
