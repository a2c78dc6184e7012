package id.kypso.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Named values in the {@code kiosk_state} table, the one place where the app tells the agent
 * how its devices are and the agent keeps its own small state. The app writes the
 * {@code device.*} and {@code app.*} names; the agent reads them into its heartbeat and its
 * status endpoint.
 */
public final class KioskState {
    /** The receipt printer's state as the app last saw it: READY, PAPER_LOW, PAPER_END... */
    public static final String PRINTER_STATE = "device.printer.state";
    /** The scanner's state as the app last saw it: READY, OFFLINE... */
    public static final String SCANNER_STATE = "device.scanner.state";
    /** The app's version, written by the app at start. */
    public static final String APP_VERSION = "app.version";
    /** When the app last wrote a device state, as an ISO-8601 instant. */
    public static final String APP_SEEN_AT = "app.seenAt";
    /** The ETag of the installed config bundle, written by the agent. */
    public static final String CONFIG_ETAG = "config.etag";
    /** The aggregator's time of the last registration pull, the next pull's start. */
    public static final String REGISTRATIONS_AS_OF = "registrations.asOf";
    /** The config ETag the registration slips were last checked against. */
    public static final String REGISTRATIONS_CHECKED_WITH = "registrations.configEtag";
    /** When the GPIO service button was last pressed (ISO-8601); the agent writes it. */
    public static final String SERVICE_BUTTON_PRESSED_AT = "gpio.serviceButton.pressedAt";
    /**
     * When the GPIO presence sensor last detected someone (ISO-8601). The agent writes it at
     * each debounced start of presence, and the app wakes its sleeping screen on a new time.
     */
    public static final String PRESENCE_DETECTED_AT = "gpio.presence.detectedAt";

    private final KioskDatabase database;

    public KioskState(KioskDatabase database) {
        this.database = database;
    }

    /** Returns the value of {@code name}, or empty when it was never written. */
    public Optional<String> get(String name) {
        return database.read(connection -> get(connection, name));
    }

    /** Writes {@code value} under {@code name} in its own transaction. */
    public void put(String name, String value) {
        database.inTransaction(connection -> {
            put(connection, name, value);
            return null;
        });
    }

    /** Returns the value of {@code name} read on the caller's connection. */
    public static Optional<String> get(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value FROM kiosk_state WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Writes {@code value} under {@code name} inside the caller's transaction. */
    public static void put(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO kiosk_state (name, value) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, name);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }
}
